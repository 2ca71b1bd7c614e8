import path from 'node:path';
import { type Command, Option } from 'commander';
import { EXIT, exitCodeFor } from '../../diagnostics.js';
import { type FormatName, formatDiagnostics } from '../format/index.js';
import { type CliIo, displayPaths, foldersExist } from '../io.js';
import { dataOption, formatOption, schemasOption, strictOption } from '../options.js';
import { optimise, optimiseForDataIn } from '../tiering.js';

export interface ValidateOptions {
  data: string;
  schemas?: string;
  format: FormatName;
  strict?: boolean;
  watch?: boolean;
  debounce?: string;
}

export async function runValidate(options: ValidateOptions, io: CliIo): Promise<number> {
  const dataDir = path.resolve(io.cwd, options.data);
  const schemaDir = options.schemas ? path.resolve(io.cwd, options.schemas) : undefined;
  if (!(await foldersExist('validate', { data: options.data, schemas: options.schemas }, io))) return EXIT.usage;
  await optimiseForDataIn(dataDir);
  const { validateDataDir } = await import('../../validate/index.js');
  const { diagnostics } = await validateDataDir({ dataDir, schemaDir });
  const shown = displayPaths(diagnostics, options.data, io.cwd);
  const output = formatDiagnostics(options.format, shown);
  if (options.format === 'text' && diagnostics.length > 0) io.stderr(output);
  else io.stdout(output);
  return exitCodeFor(diagnostics, options.strict);
}

/** `validate --watch`: runs until the signal aborts (Ctrl-C in a terminal). */
export async function runValidateWatch(options: ValidateOptions, io: CliIo, signal: AbortSignal): Promise<number> {
  const dataDir = path.resolve(io.cwd, options.data);
  const schemaDir = options.schemas ? path.resolve(io.cwd, options.schemas) : undefined;
  const debounceMs = Number(options.debounce ?? 200);
  if (!Number.isFinite(debounceMs) || debounceMs < 0) {
    io.stderr(`partnership validate: --debounce must be a number of milliseconds\n`);
    return EXIT.usage;
  }
  optimise();
  const [{ validateDataDir }, { watchValidate }] = await Promise.all([import('../../validate/index.js'), import('../../watch/watch.js')]);
  const validate = async () => displayPaths((await validateDataDir({ dataDir, schemaDir })).diagnostics, options.data, io.cwd);
  await watchValidate({ dataDir, debounceMs, validate, write: io.stdout, signal });
  return EXIT.ok;
}

function interrupted(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check every data file against the schemas and the cross-record rules')
    .addOption(dataOption())
    .addOption(schemasOption())
    .addOption(formatOption())
    .addOption(strictOption())
    .addOption(new Option('--watch', 're-validate on every change and print only the problems that appeared (+) or went away (-)'))
    .addOption(new Option('--debounce <ms>', 'with --watch: quiet time after a change before re-validating').default('200'))
    .action(async (options: ValidateOptions) =>
      setExit(options.watch ? await runValidateWatch(options, io, interrupted()) : await runValidate(options, io)),
    );
}
