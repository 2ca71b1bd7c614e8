/**
 * Writing the release: files go into a staging folder beside the target as the
 * publishers make them, and the finished folder is swapped in with renames, so a
 * failure at any point leaves the previous release exactly as it was.
 *
 * The files are encoded, hashed and written by a worker thread while the main
 * thread goes on making the next ones: a release has tens of thousands of small
 * files, whose writing costs about as much as making them (see bench/README.md),
 * and none of them stays in memory once written.
 */
import { rmSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { byPath, claimPath, type FileDigest } from '../publish/digest.js';
import type { Artifact, ReleaseOutput } from '../publish/types.js';
import type { ThreadUse } from '../util/threads.js';
import { openWriter, type PreviousRelease, type Segment, type WriterChannel, type WriterReply } from './writer.js';

/** Segments per message to a writer, and the text held in messages not yet written (in UTF-16 units). */
const BATCH_SEGMENTS = 64;
const BATCH_CHARS = 1 << 20;
const HIGH_WATER_CHARS = 16 << 20;
const LOW_WATER_CHARS = 4 << 20;

interface Batch {
  segments: Segment[];
  /** For each segment that ends a file, the index of its entry. */
  ends: (number | undefined)[];
  chars: number;
}

/** A file added to the staging folder; its size and hash arrive once a writer has written it. */
type Entry = { path: string; mediaType: string; bytes?: number; sha256?: string };

function writeError(error: { message: string; code?: string }): Error {
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

/** Two lists sorted by path as one. */
function mergeSorted(a: readonly FileDigest[], b: readonly FileDigest[]): FileDigest[] {
  if (b.length === 0) return [...a];
  const merged: FileDigest[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(byPath(a[i] as FileDigest, b[j] as FileDigest) <= 0 ? (a[i++] as FileDigest) : (b[j++] as FileDigest));
  while (i < a.length) merged.push(a[i++] as FileDigest);
  while (j < b.length) merged.push(b[j++] as FileDigest);
  return merged;
}

type SentBatch = Omit<Batch, 'segments'>;

const emptyBatch = (): Batch => ({ segments: [], ends: [], chars: 0 });

class StagingOutput implements ReleaseOutput {
  /**
   * One writer thread. (Two were measured no faster on two cores, where the main thread
   * needs the other one, and the main thread's heap grew more.)
   */
  private readonly writer: WriterChannel;
  private readonly paths = new Set<string>();
  private readonly entries: Entry[] = [];
  /** The digests of entries[0..sorted.length), by path: each describing publisher asks again, and re-sorting 60,000 paths each time showed in profiles. */
  private sorted: FileDigest[] = [];
  /** Batches sent and not yet answered, without their segments: the text is the writer's now, and holding it here kept it alive through collections (it was copied into the old generation, then collected there). */
  private readonly sent = new Map<number, SentBatch>();
  private batch = emptyBatch();
  private nextBatch = 0;
  private charsInFlight = 0;
  private failure: Error | undefined;
  private waiters: { until: () => boolean; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly folder: string,
    threads: ThreadUse,
    previous?: PreviousRelease,
  ) {
    this.writer = openWriter(
      threads,
      (reply) => this.received(reply),
      (error) => this.fail(error),
      previous,
    );
  }

  async add(artifact: Artifact): Promise<void> {
    if (this.failure) throw this.failure;
    claimPath(this.paths, artifact.path);
    const file = this.folder + path.sep + (path.sep === '/' ? artifact.path : artifact.path.split('/').join(path.sep));
    const entry = this.entries.push({ path: artifact.path, mediaType: artifact.mediaType }) - 1;
    const { content } = artifact;
    if (typeof content === 'string' || content instanceof Uint8Array) {
      this.queue({ file, content, first: true, last: true }, entry);
    } else {
      await this.addParts(file, content, entry);
    }
    await this.room();
  }

  /** A file in parts: joined into segments of about a batch each, never the whole text at once. */
  private async addParts(file: string, parts: readonly string[], entry: number): Promise<void> {
    let pending: string[] = [];
    let chars = 0;
    let first = true;
    const flushSegment = (last: boolean) => {
      this.queue({ file, content: pending.join(''), first, last }, last ? entry : undefined);
      first = false;
      pending = [];
      chars = 0;
    };
    for (const part of parts) {
      pending.push(part);
      chars += part.length;
      if (chars >= BATCH_CHARS) {
        flushSegment(false);
        await this.room();
      }
    }
    flushSegment(true);
  }

  private queue(segment: Segment, entry: number | undefined): void {
    this.batch.segments.push(segment);
    this.batch.ends.push(entry);
    this.batch.chars += segment.content.length;
    if (this.batch.segments.length >= BATCH_SEGMENTS || this.batch.chars >= BATCH_CHARS) this.send();
  }

  private room(): Promise<void> {
    return this.charsInFlight > HIGH_WATER_CHARS ? this.until(() => this.charsInFlight <= LOW_WATER_CHARS) : Promise.resolve();
  }

  has(filePath: string): boolean {
    return this.paths.has(filePath);
  }

  async digests(): Promise<FileDigest[]> {
    await this.flush();
    const added = this.entries
      .slice(this.sorted.length)
      .map((e) => ({ path: e.path, mediaType: e.mediaType, bytes: e.bytes ?? 0, sha256: e.sha256 ?? '' }))
      .sort(byPath);
    this.sorted = mergeSorted(this.sorted, added);
    return [...this.sorted];
  }

  /** Every file added so far is on disk (or a write failed, and this throws). */
  async flush(): Promise<void> {
    if (this.batch.segments.length > 0) this.send();
    await this.until(() => this.sent.size === 0);
  }

  /** After the last file: the writer removes the folders it prepared that no file went into. */
  async finish(): Promise<void> {
    await this.flush();
    this.send(true);
    await this.until(() => this.sent.size === 0);
  }

  async close(): Promise<void> {
    await this.writer.close();
  }

  private send(finish = false): void {
    const id = this.nextBatch++;
    const { segments, ends, chars } = this.batch;
    this.sent.set(id, { ends, chars });
    this.charsInFlight += chars;
    this.writer.post({ batch: id, segments, ...(finish ? { finish } : {}) });
    this.batch = emptyBatch();
  }

  private received(reply: WriterReply): void {
    const batch = this.sent.get(reply.batch);
    if (!batch) return;
    if ('error' in reply) return this.fail(writeError(reply.error));
    this.sent.delete(reply.batch);
    this.charsInFlight -= batch.chars;
    reply.digests.forEach((digest, index) => {
      const entry = batch.ends[index];
      if (digest && entry !== undefined) Object.assign(this.entries[entry] as Entry, digest);
    });
    this.waiters = this.waiters.filter((waiter) => (waiter.until() ? (waiter.resolve(), false) : true));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters) waiter.reject(this.failure);
    this.waiters = [];
  }

  private until(condition: () => boolean): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ until: condition, resolve, reject }));
  }
}

/** A staging folder being filled: commit swaps it in for the target, abandon removes it. */
export interface Staging {
  output: ReleaseOutput;
  /** Swap the finished staging folder in for the target; resolves to the digests of the files written. */
  commit(): Promise<FileDigest[]>;
  /** Remove the staging folder; the target stays as it was. */
  abandon(): Promise<void>;
}

/**
 * Open a staging folder beside `outDir` and its writer. Files identical to the release being
 * replaced are linked from it, and its folders are made ahead (see SegmentWriter).
 */
export async function openStaging(outDir: string, threads: ThreadUse = 'auto'): Promise<Staging> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = path.join(parent, `.${path.basename(target)}-new-${stamp}`);
  const retired = path.join(parent, `.${path.basename(target)}-old-${stamp}`);
  await mkdir(staging, { recursive: true });
  const output = new StagingOutput(staging, threads, { staging: staging + path.sep, previous: target + path.sep });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await output.close();
  };
  const abandon = async () => {
    await close();
    await rm(staging, { recursive: true, force: true });
  };
  const commit = async (): Promise<FileDigest[]> => {
    try {
      try {
        await output.finish();
      } finally {
        await close();
      }
      const files = await output.digests();
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
      // Synchronously: nothing else is left to overlap with, and the promise API's many round trips
      // through the thread pool took about twice as long (a real-data release: 160-220 ms against 80-130 ms).
      if (hadPrevious) rmSync(retired, { recursive: true, force: true });
      return files;
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  };
  return { output, commit, abandon };
}

/**
 * Make a release into a staging folder with `produce`, then swap it in for
 * `outDir`. If `produce` or any write fails, the staging folder is removed and
 * `outDir` is untouched. Resolves to the digests of the files written.
 */
export async function writeRelease(outDir: string, produce: (output: ReleaseOutput) => Promise<void>, threads: ThreadUse = 'auto'): Promise<FileDigest[]> {
  const staging = await openStaging(outDir, threads);
  try {
    await produce(staging.output);
  } catch (error) {
    await staging.abandon();
    throw error;
  }
  return staging.commit();
}
