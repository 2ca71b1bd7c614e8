import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchemaSet, type JsonSchema, type SchemaSet } from './model.js';

/** The schemas shipped with the toolkit. */
export const DEFAULT_SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export async function readSchemaSet(dir: string = DEFAULT_SCHEMA_DIR): Promise<SchemaSet> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.schema.json')).sort();
  const documents = new Map<string, JsonSchema>();
  for (const name of names) {
    documents.set(name, JSON.parse(await readFile(path.join(dir, name), 'utf8')) as JsonSchema);
  }
  return buildSchemaSet(documents);
}
