import path from 'node:path';
import type { Command } from 'commander';
import { EXIT, exitCodeFor } from '../../diagnostics.js';
import { validateDataDir } from '../../validate.js';
import { type FormatName, formatDiagnostics } from '../format/index.js';
import { type CliIo, displayPaths, foldersExist } from '../io.js';
import { dataOption, formatOption, schemasOption, strictOption } from '../options.js';

export interface ValidateOptions {
  data: string;
  schemas?: string;
  format: FormatName;
  strict?: boolean;
}

export async function runValidate(options: ValidateOptions, io: CliIo): Promise<number> {
  const dataDir = path.resolve(io.cwd, options.data);
  const schemaDir = options.schemas ? path.resolve(io.cwd, options.schemas) : undefined;
  if (!(await foldersExist('validate', { data: options.data, schemas: options.schemas }, io))) return EXIT.usage;
  const { diagnostics } = await validateDataDir({ dataDir, schemaDir });
  const shown = displayPaths(diagnostics, options.data, io.cwd);
  const output = formatDiagnostics(options.format, shown);
  if (options.format === 'text' && diagnostics.length > 0) io.stderr(output);
  else io.stdout(output);
  return exitCodeFor(diagnostics, options.strict);
}

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check every data file against the schemas and the cross-record rules')
    .addOption(dataOption())
    .addOption(schemasOption())
    .addOption(formatOption())
    .addOption(strictOption())
    .action(async (options: ValidateOptions) => setExit(await runValidate(options, io)));
}
