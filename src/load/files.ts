import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface RawFile {
  /** Path relative to the root, forward slashes. */
  path: string;
  bytes: Uint8Array;
}

const YAML_FILE = /\.ya?ml$/i;

/** Every YAML file below a folder, in byte order of their paths (never file-system order). */
export async function listYamlFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) found.push(child);
    }
  }
  await walk('');
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function readYamlFiles(root: string): Promise<RawFile[]> {
  const paths = await listYamlFiles(root);
  return Promise.all(
    paths.map(async (p) => ({ path: p, bytes: new Uint8Array(await readFile(path.join(root, p))) })),
  );
}
