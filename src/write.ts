import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Artifact } from './publish/types.js';

/**
 * Write the release beside the target, then swap it in with renames, so that a
 * failure at any point leaves the previous release exactly as it was.
 */
/** Two publishers writing one file would silently lose one of them: refuse before writing anything. */
function checkUniquePaths(artifacts: readonly Artifact[]): void {
  const seen = new Set<string>();
  for (const { path: file } of artifacts) {
    if (seen.has(file)) throw new Error(`artifact written twice: ${file}`);
    seen.add(file);
  }
}

export async function writeReleaseAtomically(outDir: string, artifacts: readonly Artifact[]): Promise<void> {
  checkUniquePaths(artifacts);
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = path.join(parent, `.${path.basename(target)}-new-${stamp}`);
  const retired = path.join(parent, `.${path.basename(target)}-old-${stamp}`);
  await mkdir(staging, { recursive: true });
  try {
    const sorted = [...artifacts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const files = sorted.map((artifact) => {
      const file = path.join(staging, ...artifact.path.split('/'));
      if (!file.startsWith(staging + path.sep)) throw new Error(`artifact path escapes the release: ${artifact.path}`);
      return { file, artifact };
    });
    // Each folder once, then each file synchronously: a release has tens of thousands of small
    // files, and an asynchronous write costs thread-pool round trips for open, write and close
    // (measured about twice as slow; see the Performance section of the README).
    for (const folder of new Set(files.map(({ file }) => path.dirname(file)))) mkdirSync(folder, { recursive: true });
    for (const { file, artifact } of files) writeFileSync(file, artifact.content);
    let hadPrevious = true;
    try {
      await rename(target, retired);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadPrevious = false;
    }
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadPrevious) await rename(retired, target);
      throw error;
    }
    if (hadPrevious) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
