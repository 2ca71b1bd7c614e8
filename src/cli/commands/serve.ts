import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { startSiteServer } from '../../serve/server.js';
import type { CliIo } from '../io.js';

export interface ServeCommandOptions {
  dist: string;
  port: number;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return port;
}

/** Start serving; returns once listening (the open server keeps the process alive until Ctrl-C). */
export async function runServe(options: ServeCommandOptions, io: CliIo): Promise<number> {
  const { url } = await startSiteServer(path.resolve(io.cwd, options.dist), options.port);
  io.stdout(`Serving ${options.dist}/site at ${url} (Ctrl-C to stop)\n`);
  return 0;
}

export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the built site on loopback, with content negotiation on entity paths (HTML, JSON-LD, Turtle)')
    .addOption(new Option('--dist <dir>', 'release folder written by build').default('dist'))
    .addOption(new Option('--port <n>', 'port to listen on (0: any free port)').argParser(parsePort).default(8000))
    .action(async (options: ServeCommandOptions) => setExit(await runServe(options, io)));
}
