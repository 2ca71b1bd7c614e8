import path from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT, exitCodeFor } from '../../diagnostics.js';
import { baseIriProblem } from '../../model/iri.js';
import { type FormatName, formatDiagnostics } from '../format/index.js';
import { type CliIo, displayPaths, foldersExist } from '../io.js';
import { dataOption, formatOption, schemasOption, strictOption } from '../options.js';
import { optimiseForDataIn } from '../tiering.js';

export interface BuildCommandOptions {
  data: string;
  schemas?: string;
  out: string;
  baseIri?: string;
  format: FormatName;
  strict?: boolean;
}

export async function runBuild(options: BuildCommandOptions, io: CliIo): Promise<number> {
  if (!(await foldersExist('build', { data: options.data, schemas: options.schemas }, io))) return EXIT.usage;
  const baseIriError = options.baseIri === undefined ? undefined : baseIriProblem(options.baseIri);
  if (baseIriError) {
    io.stderr(`partnership build: --base-iri ${options.baseIri}: ${baseIriError}\n`);
    return EXIT.usage;
  }
  const outDir = path.resolve(io.cwd, options.out);
  // Checked before validating, so a wrong --out is told at once (the writer checks again before it swaps).
  const { outputProblem } = await import('../../build/staging.js');
  const outProblem = await outputProblem(outDir, [
    io.cwd,
    path.resolve(io.cwd, options.data),
    ...(options.schemas ? [path.resolve(io.cwd, options.schemas)] : []),
  ]);
  if (outProblem) {
    io.stderr(`partnership build: will not replace --out ${options.out}: ${outProblem}\n`);
    return EXIT.usage;
  }
  await optimiseForDataIn(path.resolve(io.cwd, options.data));
  // Loaded on use: the publishers' libraries would otherwise slow the start of every other command.
  const { build } = await import('../../build/index.js');
  const result = await build({
    dataDir: path.resolve(io.cwd, options.data),
    schemaDir: options.schemas ? path.resolve(io.cwd, options.schemas) : undefined,
    outDir,
    baseIri: options.baseIri,
    strict: options.strict,
  });
  if (result.diagnostics.length > 0) {
    io.stderr(formatDiagnostics(options.format, displayPaths(result.diagnostics, options.data, io.cwd)));
  }
  if (!result.files) {
    io.stderr(`Build stopped: the data is invalid; ${options.out} was left as it was.\n`);
    return exitCodeFor(result.diagnostics, options.strict);
  }
  io.stdout(`Wrote ${result.files.length} files to ${options.out}\n`);
  return 0;
}

export function registerBuild(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('build')
    .description('validate the data and write the release (JSON-LD, RDF, CSV, catalogue, site) atomically')
    .addOption(dataOption())
    .addOption(schemasOption())
    .addOption(new Option('--out <dir>', 'release folder to replace').default('dist'))
    .addOption(new Option('--base-iri <iri>', "base IRI of the entities (default: the dataset's baseIri)"))
    .addOption(formatOption())
    .addOption(strictOption())
    .action(async (options: BuildCommandOptions) => setExit(await runBuild(options, io)));
}
