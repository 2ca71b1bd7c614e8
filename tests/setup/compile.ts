/**
 * Compile the toolkit once before any test runs (vitest globalSetup). A few tests
 * run what users run, the compiled CLI or a worker thread that only loads from
 * lib/; compiling here, once, means no two test files rewrite lib/ at the same time.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function compileOnce(): Promise<void> {
  await promisify(execFile)('npm', ['run', 'compile'], { cwd: ROOT });
}
