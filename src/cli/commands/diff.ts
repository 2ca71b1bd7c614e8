import path from 'node:path';
import { type Command, Option } from 'commander';
import { EXIT } from '../../diagnostics.js';
import { DIFF_FORMATS, type DiffFormat, formatDiff } from '../../diff/format.js';
import { readSchemaSet } from '../../schema/read.js';
import { formatDiagnostics } from '../format/index.js';
import type { CliIo } from '../io.js';
import { schemasOption } from '../options.js';

export interface DiffOptions {
  format: DiffFormat;
  dataPath: string;
  schemas?: string;
}

export async function runDiff(oldSpec: string, newSpec: string, options: DiffOptions, io: CliIo): Promise<number> {
  const schemaDir = options.schemas ? path.resolve(io.cwd, options.schemas) : undefined;
  // Loaded on use, so that `validate` (run on every save) does not pay for the diff's modules at start-up.
  const [{ diffVersions }, { InvalidVersionError, loadVersion, UnknownVersionError }] = await Promise.all([
    import('../../diff/compare.js'),
    import('../../diff/load.js'),
  ]);
  const schemas = await readSchemaSet(schemaDir);
  const source = (spec: string) => ({ spec, cwd: io.cwd, dataPath: options.dataPath, schemas, schemaDir });
  try {
    const [before, after] = [await loadVersion(source(oldSpec)), await loadVersion(source(newSpec))];
    io.stdout(formatDiff(options.format, diffVersions(before, after, schemas)));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof InvalidVersionError) {
      const shown = error.diagnostics.map((d) => ({ ...d, file: `${error.spec}:${d.file}` }));
      io.stderr(formatDiagnostics('text', shown));
      io.stderr(`partnership diff: ${error.message}\n`);
      return EXIT.invalid;
    }
    if (error instanceof UnknownVersionError) {
      io.stderr(`partnership diff: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

export function registerDiff(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('report what changed between two versions of the data (data folders, built releases or git refs)')
    .argument('<old>', 'the earlier version: a data folder, a built release folder, or a git ref')
    .argument('<new>', 'the later version, likewise')
    .addOption(
      new Option('--format <format>', 'markdown for a pull request or changelog, json for machines')
        .choices(DIFF_FORMATS)
        .default('markdown'),
    )
    .addOption(new Option('--data-path <dir>', 'folder of the data inside the repository, for git refs').default('data'))
    .addOption(schemasOption())
    .action(async (oldSpec: string, newSpec: string, options: DiffOptions) => setExit(await runDiff(oldSpec, newSpec, options, io)));
}
