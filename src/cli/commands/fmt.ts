import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { EXIT } from '../../diagnostics.js';
import { readSchemaSet } from '../../schema/read.js';
import type { CliIo } from '../io.js';
import { dataOption, schemasOption } from '../options.js';

export interface FmtOptions {
  data: string;
  schemas?: string;
  check?: boolean;
}

/**
 * Rewrite every data file in the canonical layout, or with --check list the
 * files that are not (exit 1) without touching them. Files that do not parse
 * are reported and left for `validate` to explain.
 */
export async function runFmt(options: FmtOptions, io: CliIo): Promise<number> {
  const dataDir = path.resolve(io.cwd, options.data);
  const schemas = await readSchemaSet(options.schemas ? path.resolve(io.cwd, options.schemas) : undefined);
  const { formatDataDir, writeOutcomes } = await import('../../fmt/files.js');
  const outcomes = await formatDataDir(dataDir, schemas);
  const shown = (file: string) => path.relative(io.cwd, path.join(dataDir, file)).split(path.sep).join('/');
  const skipped = outcomes.filter((o) => o.status === 'skipped');
  for (const o of skipped) io.stderr(`${shown(o.file)}: not formatted: ${o.reason}\n`);
  const changed = outcomes.filter((o) => o.status === 'changed');
  if (options.check) {
    for (const o of changed) io.stdout(`${shown(o.file)}\n`);
    if (changed.length > 0) io.stderr(`${changed.length} file(s) not in the canonical layout; run \`partnership fmt\`\n`);
    return changed.length > 0 || skipped.length > 0 ? EXIT.invalid : EXIT.ok;
  }
  await writeOutcomes(dataDir, outcomes);
  for (const o of changed) io.stdout(`formatted ${shown(o.file)}\n`);
  return skipped.length > 0 ? EXIT.invalid : EXIT.ok;
}

export function registerFmt(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('fmt')
    .description('write every data file in the canonical layout (key order from the schemas, quoting, line width; comments kept)')
    .addOption(dataOption())
    .addOption(schemasOption())
    .addOption(new Option('--check', 'list the files that are not formatted and exit 1, without writing'))
    .action(async (options: FmtOptions) => setExit(await runFmt(options, io)));
}
