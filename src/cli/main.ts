import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT } from '../diagnostics.js';
import { describeSystemError, EnvironmentFault, isSystemError, UsageFault } from '../faults.js';
import { COMMANDS } from './commands/index.js';
import { type CliIo, processIo } from './io.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function createProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('partnership')
    .description('Validate, build and publish the partnership dataset')
    .version(packageJson.version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');
  for (const register of COMMANDS) register(program, io, setExit);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}

/**
 * Run the CLI and return its exit code: 0 clean, 1 invalid data, 2 usage error,
 * 3 internal fault, 4 the machine refused (see EXIT). The only place that decides how the process ends.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version requests are not errors.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    // A refused request or a machine fault is one line naming the path and the cause; only bugs get a stack.
    if (error instanceof UsageFault || error instanceof EnvironmentFault) {
      io.stderr(`partnership: ${error.message}\n`);
      return error.exitCode;
    }
    if (isSystemError(error)) {
      io.stderr(`partnership: ${describeSystemError(error, io.cwd)}\n`);
      return EXIT.environment;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`partnership: internal error (please report it):\n${detail}\n`);
    return EXIT.internal;
  }
}
