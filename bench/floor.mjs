// The benchmark's floor: the least any tool must do with the data — read every
// YAML file with `yaml` and write the parsed values as JSON. No schema, no checks.
//   node bench/floor.mjs <data-dir> <out-file>
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

const [dataDir = 'data', outFile = 'floor.json'] = process.argv.slice(2);
const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
const files = entries
  .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
  .map((e) => path.join(e.parentPath ?? e.path, e.name))
  .sort();
const values = {};
for (const file of files) values[path.relative(dataDir, file)] = parse(await readFile(file, 'utf8'));
await writeFile(outFile, JSON.stringify(values));
