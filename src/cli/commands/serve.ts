import { access } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { EXIT } from '../../diagnostics.js';
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
  const distDir = path.resolve(io.cwd, options.dist);
  const usage = (message: string) => {
    io.stderr(`partnership serve: ${message}\n`);
    return EXIT.usage;
  };
  const built = await access(path.join(distDir, 'site', 'index.html')).then(
    () => true,
    () => false,
  );
  if (!built) return usage(`no built site at ${path.join(options.dist, 'site')}: run \`partnership build\` first`);
  const { startSiteServer } = await import('../../serve/server.js');
  try {
    const { url } = await startSiteServer(distDir, options.port);
    io.stdout(`Serving ${options.dist}/site at ${url} (Ctrl-C to stop)\n`);
    return EXIT.ok;
  } catch (error) {
    // The port is the user's choice: one taken or not allowed is a usage error, not a fault.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') return usage(`port ${options.port} is already in use: choose another with --port`);
    if (code === 'EACCES') return usage(`not allowed to listen on port ${options.port}: choose one above 1023 with --port`);
    throw error;
  }
}

export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the built site on loopback, with content negotiation on entity paths (HTML, JSON-LD, Turtle)')
    .addOption(new Option('--dist <dir>', 'release folder written by build').default('dist'))
    .addOption(new Option('--port <n>', 'port to listen on (0: any free port)').argParser(parsePort).default(8000))
    .action(async (options: ServeCommandOptions) => setExit(await runServe(options, io)));
}
