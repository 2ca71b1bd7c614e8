// `npm run compile`: the toolkit bundled into lib/js/ (rolldown.config.mjs), then the shipped
// schemas' validators precompiled beside it. Type checking is `npm run typecheck` (and `npm test`).
// Skipped when lib/js/ was made from exactly the same inputs (the sources, the schemas, the bundler's
// configuration and the locked dependencies): the tests' setup runs it before every run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = path.join(ROOT, 'lib', 'js');
const STAMP = path.join(OUT, '.inputs-sha256');
const INPUTS = ['src', 'schemas', 'rolldown.config.mjs', 'scripts/compile.mjs', 'package-lock.json'];

function filesUnder(entry) {
  const full = path.join(ROOT, entry);
  try {
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
  } catch {
    return [entry];
  }
}

const hash = createHash('sha256');
for (const file of INPUTS.flatMap(filesUnder).sort())
  hash
    .update(`${file}\0`)
    .update(readFileSync(path.join(ROOT, file)))
    .update('\0');
const inputs = hash.digest('hex');
const made = (() => {
  try {
    return readFileSync(STAMP, 'utf8');
  } catch {
    return '';
  }
})();

if (made !== inputs) {
  const { build } = await import('rolldown');
  const { default: config } = await import('../rolldown.config.mjs');
  await build(config);
  const { writePrecompiledValidators } = await import('../lib/js/precompile.js');
  await writePrecompiledValidators();
  writeFileSync(STAMP, inputs);
}
