import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

/** What a command may touch: its output streams and the working directory. Tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** Diagnostics name files relative to the data folder; people and GitHub want them relative to where they run. */
export function displayPaths(diagnostics: readonly Diagnostic[], dataDir: string, cwd: string): Diagnostic[] {
  const show = (file: string) =>
    path
      .relative(cwd, path.resolve(cwd, dataDir, file))
      .split(path.sep)
      .join('/');
  return diagnostics.map((d) => ({
    ...d,
    file: show(d.file),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: show(r.file) })) } : {}),
  }));
}

/**
 * Why a folder given on the command line cannot be used, or undefined when it can.
 * A wrong --data path is a usage error (exit 2), not an internal fault with a stack trace.
 */
async function folderProblem(dir: string): Promise<string | undefined> {
  try {
    return (await stat(dir)).isDirectory() ? undefined : 'not a folder';
  } catch {
    return 'no such folder';
  }
}

/**
 * Report the first folder option that names no folder (`--data`, `--schemas`...), as
 * `partnership <command>: --<option> <value>: <problem>`. Returns false when one was reported.
 */
export async function foldersExist(command: string, folders: Record<string, string | undefined>, io: CliIo): Promise<boolean> {
  for (const [option, value] of Object.entries(folders)) {
    if (value === undefined) continue;
    const problem = await folderProblem(path.resolve(io.cwd, value));
    if (problem) {
      io.stderr(`partnership ${command}: --${option} ${value}: ${problem}\n`);
      return false;
    }
  }
  return true;
}
