import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Artifact } from './publish/types.js';

const WRITE_CONCURRENCY = 16;

/** Run `task` over the items, at most `limit` at once; on a failure, start no more and rethrow it once all have settled. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (rejected) throw rejected.reason;
}

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
    // Each folder once, then the files a few at a time: written one by one, a release of tens
    // of thousands of files spends most of its time waiting on the disk.
    for (const folder of new Set(files.map(({ file }) => path.dirname(file)))) await mkdir(folder, { recursive: true });
    await forEachConcurrently(files, WRITE_CONCURRENCY, ({ file, artifact }) => writeFile(file, artifact.content));
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
