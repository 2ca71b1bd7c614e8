/** Running the CLI in-process, and reading a folder whole: what the fault and release tests compare. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

/** `partnership <args>` run in-process from `cwd`, with what it printed and its exit code. */
export async function runCli(args: readonly string[], cwd: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'partnership', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { exitCode, stdout, stderr };
}

/** Every file below a folder (following the top link) with its bytes, by relative path. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), (await readFile(full)).toString('base64'));
  }
  return files;
}
