/**
 * Once before any test runs (vitest globalSetup):
 * - compile the toolkit. A few tests run what users run, the compiled CLI or a worker thread that
 *   only loads from lib/js/; compiling here, once, means no two test files rewrite it at the same time;
 * - give the run a temporary folder of its own (TMPDIR, which os.tmpdir() and the test workers
 *   inherit), removed at the end, so the many releases the tests write do not pile up in /tmp.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Set once the setup has run: each test project inherits it, and the run needs it only once. */
const DONE = 'PARTNERSHIP_TESTS_SETUP';

export default async function setup(): Promise<() => void> {
  if (process.env[DONE]) return () => undefined;
  process.env[DONE] = '1';
  // `npm run compile`, without npm's own start-up.
  await promisify(execFile)(process.execPath, ['scripts/compile.mjs'], { cwd: ROOT });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'partnership-tests-'));
  process.env.TMPDIR = scratch;
  return () => rmSync(scratch, { recursive: true, force: true });
}
