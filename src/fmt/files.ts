import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listYamlFiles } from '../load/files.js';
import { kindForFile, type SchemaSet } from '../schema/model.js';
import { formatYaml, orderForFile } from './format.js';

/** What formatting did (or would do) to one file. */
export type FileOutcome =
  | { file: string; status: 'unchanged' }
  | { file: string; status: 'changed'; text: string }
  | { file: string; status: 'skipped'; reason: string };

/** Format every YAML file below a data folder, in memory. Reads, never writes. */
export async function formatDataDir(dataDir: string, schemas: SchemaSet): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of await listYamlFiles(dataDir)) {
    const text = await readFile(path.join(dataDir, file), 'utf8');
    const result = formatYaml(text, orderForFile(schemas, kindForFile(schemas, file)));
    if (!result.ok) outcomes.push({ file, status: 'skipped', reason: result.reason });
    else if (result.changed) outcomes.push({ file, status: 'changed', text: result.text });
    else outcomes.push({ file, status: 'unchanged' });
  }
  return outcomes;
}

/** Write the changed files, each through a temporary file so an interrupted run never leaves half a file. */
export async function writeOutcomes(dataDir: string, outcomes: readonly FileOutcome[]): Promise<void> {
  for (const outcome of outcomes) {
    if (outcome.status !== 'changed') continue;
    const target = path.join(dataDir, outcome.file);
    const temporary = `${target}.fmt-${process.pid}.tmp`;
    await writeFile(temporary, outcome.text, 'utf8');
    await rename(temporary, target);
  }
}
