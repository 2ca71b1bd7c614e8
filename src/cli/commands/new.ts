import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parseDocument } from 'yaml';
import { EXIT } from '../../diagnostics.js';
import { listYamlFiles } from '../../load/files.js';
import { DEFAULT_SCHEMA_DIR, readSchemaSet } from '../../schema/read.js';
import type { CliIo } from '../io.js';
import { dataOption, schemasOption } from '../options.js';

export interface NewOptions {
  data: string;
  schemas?: string;
}

/** Ids of every top-level record in the data folder, with their files: ids are never reused. */
async function existingIds(dataDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const file of await listYamlFiles(dataDir)) {
    const value: unknown = parseDocument(await readFile(path.join(dataDir, file), 'utf8')).toJS();
    const id = value !== null && typeof value === 'object' ? (value as Record<string, unknown>).id : undefined;
    if (typeof id === 'string') ids.set(id, file);
  }
  return ids;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export async function runNew(kindName: string, id: string, options: NewOptions, io: CliIo): Promise<number> {
  const dataDir = path.resolve(io.cwd, options.data);
  const schemaDir = options.schemas ? path.resolve(io.cwd, options.schemas) : DEFAULT_SCHEMA_DIR;
  const schemas = await readSchemaSet(schemaDir);
  const { checkNewId, pathForId, scaffoldRecord } = await import('../../scaffold/new.js');
  const kinds = schemas.kinds.filter((k) => k.files !== undefined).map((k) => k.kind);
  const kind = schemas.byKind.get(kindName);
  if (!kind?.files) {
    io.stderr(`partnership new: unknown kind "${kindName}"; kinds with their own files: ${kinds.join(', ')}\n`);
    return EXIT.usage;
  }
  const problem = checkNewId(kind, id);
  if (problem?.problem === 'malformed') {
    io.stderr(`partnership new: "${id}" is not a valid ${kind.kind} id: it must match ${problem.pattern}\n`);
    return EXIT.invalid;
  }
  const taken = (await existingIds(dataDir)).get(id);
  if (taken !== undefined) {
    io.stderr(`partnership new: the id "${id}" already exists in ${taken}; ids are never reused, choose another\n`);
    return EXIT.invalid;
  }
  const schemaFile = path.join(schemaDir, kind.schemaFile);
  const relative = pathForId(kind, id);
  const file = path.join(dataDir, relative);
  const link = path.relative(path.dirname(file), schemaFile).split(path.sep).join('/');
  const { text } = scaffoldRecord(kind, id, schemas, link);
  if (await exists(file)) {
    io.stderr(`partnership new: ${relative} already exists; choose another id\n`);
    return EXIT.invalid;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
  io.stdout(`${path.relative(io.cwd, file).split(path.sep).join('/')}\n`);
  return EXIT.ok;
}

export function registerNew(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('new')
    .description('scaffold a new record file where the schemas say it lives, with its required fields and their descriptions')
    .argument('<kind>', 'kind of record, e.g. agreement, organisation, person, event, source, statistic')
    .argument('<id>', 'the new record id, e.g. agreement/mou-on-ports (checked against the schema pattern)')
    .addOption(dataOption())
    .addOption(schemasOption())
    .action(async (kind: string, id: string, options: NewOptions) => setExit(await runNew(kind, id, options, io)));
}
