import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { listDataFiles, type RawFile, readDataFile } from '../load/files.js';
import { validateFile } from '../validate/file.js';
import { kindForFile, type SchemaSet } from '../schema/model.js';
import { formatYaml, orderForFile } from './format.js';

/** What formatting did (or would do) to one file. */
export type FileOutcome =
  | { file: string; status: 'unchanged' }
  | { file: string; status: 'changed'; text: string }
  | { file: string; status: 'skipped'; reason: string };

/**
 * What stops formatting: any problem reading the file as data (encoding, size,
 * emptiness, YAML syntax, aliases, tags...), and an unquoted value YAML reads as
 * a number or boolean where text is expected (`007`), whose text the formatter
 * would otherwise write back as the value YAML gave it (`7`). Problems of content
 * (a missing field, a dangling reference) do not: their layout can still be kept.
 */
function stopsFormatting(diagnostic: Diagnostic): boolean {
  if (diagnostic.code === 'YAML_UNQUOTED_SCALAR') return true;
  return diagnostic.severity === 'error' && /^(FILE|YAML)_/.test(diagnostic.code) && diagnostic.code !== 'FILE_UNKNOWN_KIND';
}

/** Format one data file's bytes. Pure: never throws for bad input; a file with load errors is refused, saying which. */
export function formatDataFile(raw: RawFile, schemas: SchemaSet): FileOutcome {
  const file = raw.path;
  const stopping = validateFile(raw, schemas).validation.diagnostics.filter(stopsFormatting);
  const first = stopping[0];
  if (first) {
    const more = stopping.length > 1 ? ` (and ${stopping.length - 1} more)` : '';
    return {
      file,
      status: 'skipped',
      reason: `it has load errors, fix them first (see \`partnership validate\`): ${first.start.line}:${first.start.column} ${first.message} [${first.code}]${more}`,
    };
  }
  // As the loader decodes it (a byte-order mark kept for the parser to skip), so the formatter reads what validation read.
  const text = Buffer.from(raw.bytes).toString('utf8');
  const result = formatYaml(text, orderForFile(schemas, kindForFile(schemas, file)));
  if (!result.ok) return { file, status: 'skipped', reason: result.reason };
  return result.changed ? { file, status: 'changed', text: result.text } : { file, status: 'unchanged' };
}

/** Format every YAML file below a data folder, in memory. Reads, never writes. */
export async function formatDataDir(dataDir: string, schemas: SchemaSet): Promise<FileOutcome[]> {
  const listing = listDataFiles(dataDir);
  return listing.paths.map((file) => formatDataFile(readDataFile(dataDir, file, listing.problems.get(file)), schemas));
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
