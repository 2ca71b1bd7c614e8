// The benchmark's floor: the least any tool must do with the data — read every
// YAML file with `yaml` and write the parsed values as JSON. No schema, no checks.
//   node bench/floor.mjs <data-dir> <out-file>
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

const [dataDir = 'data', outFile = 'floor.json'] = process.argv.slice(2);
const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
const files = entries
  .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
  .map((e) => path.join(e.parentPath ?? e.path, e.name))
  .sort();
// Read synchronously, as the toolkit does, so the floor is no slower than it needs to be: for
// thousands of small files the promise API costs several times more (a thread-pool trip per call).
const texts = files.map((file) => readFileSync(file, 'utf8'));
const values = {};
files.forEach((file, index) => {
  values[path.relative(dataDir, file)] = parse(texts[index] ?? '');
});
await writeFile(outFile, JSON.stringify(values));
