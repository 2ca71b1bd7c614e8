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
import { link, lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, rmdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentFault, UsageFault } from '../faults.js';
import { byPath, claimPath, type FileDigest } from '../publish/digest.js';
import type { Artifact, ReleaseOutput } from '../publish/types.js';
import type { ThreadUse } from '../util/threads.js';
import { openWriter, type Segment, type WriterChannel, type WriterFailure, type WriterReply, type WriterStart } from './writer.js';

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

function writeError(reply: WriterFailure): Error {
  const { message, ...system } = reply;
  return Object.assign(new Error(message), Object.fromEntries(Object.entries(system).filter(([, value]) => value !== undefined)));
}

/** Two lists sorted by path as one. */
function mergeSorted(a: readonly FileDigest[], b: readonly FileDigest[]): FileDigest[] {
  if (b.length === 0) return [...a];
  const merged: FileDigest[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    merged.push(byPath(a[i] as FileDigest, b[j] as FileDigest) <= 0 ? (a[i++] as FileDigest) : (b[j++] as FileDigest));
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
    start: WriterStart,
  ) {
    this.writer = openWriter(
      threads,
      (reply) => this.received(reply),
      (error) => this.fail(error),
      start,
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

  async close(): Promise<void> {
    await this.writer.close();
  }

  /** After the last file: the writer removes the folders it prepared that no file went into. */
  async finish(): Promise<void> {
    await this.flush();
    this.send(true);
    await this.until(() => this.sent.size === 0);
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
    if ('error' in reply) {
      this.fail(writeError(reply.error));
      return;
    }
    this.sent.delete(reply.batch);
    this.charsInFlight -= batch.chars;
    reply.digests.forEach((digest, index) => {
      const entry = batch.ends[index];
      if (digest && entry !== undefined) Object.assign(this.entries[entry] as Entry, digest);
    });
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.until()) return true;
      waiter.resolve();
      return false;
    });
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

/** Where a release folder keeps its versions, its lock and its staging: a hidden sibling of `--out`. */
export function releasesFolder(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}-releases`);
}

const LOCK_NAME = 'lock';
const VERSION_NAME = /^\d+-\d+$/;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** `a` is `b` or a folder above it. */
function contains(a: string, b: string): boolean {
  const relative = path.relative(a, b);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function realOrSelf(p: string): Promise<string> {
  return realpath(p).catch(() => p);
}

/** The top-level names a SHA256SUMS lists (`<hash>  <path>` lines, `*` marking binary mode). */
function listedTopNames(sums: string): Set<string> {
  const names = new Set<string>();
  for (const line of sums.split('\n')) {
    const match = /^[0-9a-f]{64} [ *](.+)$/.exec(line);
    if (match?.[1]) names.add(match[1].split('/')[0] as string);
  }
  return names;
}

/**
 * Why `--out` must not be replaced, or undefined when it may: the target has to be
 * missing, an empty folder, or a release (the link this writer makes, or a folder
 * whose every entry its SHA256SUMS lists, as releases before the versioned layout
 * were), and must not be or hold a protected folder (the data, the schemas, the
 * working directory).
 */
export async function outputProblem(outDir: string, protect: readonly string[]): Promise<string | undefined> {
  const target = path.resolve(outDir);
  const realTarget = await realOrSelf(target);
  for (const folder of protect) {
    const guarded = path.resolve(folder);
    if (contains(target, guarded) || contains(realTarget, await realOrSelf(guarded))) {
      return `it ${contains(guarded, target) ? 'is' : 'holds'} ${guarded}, which a release must never replace`;
    }
  }
  const stats = await lstat(target).catch((error: unknown) => {
    if (isMissing(error)) return undefined;
    throw error;
  });
  if (!stats) return undefined;
  if (stats.isSymbolicLink()) {
    const points = path.resolve(path.dirname(target), await readlink(target));
    return path.dirname(points) === releasesFolder(target) ? undefined : 'it is a symbolic link the build did not make';
  }
  if (!stats.isDirectory()) return 'it is a file, not a folder';
  const entries = await readdir(target);
  if (entries.length === 0) return undefined;
  const sums = await readFile(path.join(target, 'SHA256SUMS'), 'utf8').catch(() => undefined);
  const listed = sums === undefined ? new Set<string>() : listedTopNames(sums);
  const unlisted = entries.filter((name) => name !== 'SHA256SUMS' && !listed.has(name)).sort();
  if (sums !== undefined && unlisted.length === 0) return undefined;
  const example = unlisted.slice(0, 3).join(', ') + (unlisted.length > 3 ? ', ...' : '');
  return `it is a folder that is not a release (it holds ${example}); choose a new or empty folder`;
}

/**
 * Create a folder and the folders above it that are missing, one level at a time.
 * (Node's recursive mkdir retries for ever where the system answers ENOENT for a
 * parent that exists, as /proc does.)
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    try {
      if ((await stat(current)).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: current });
    } catch (error) {
      if (!isMissing(error) || path.dirname(current) === current) throw error;
      missing.push(current);
    }
  }
  for (const each of missing.reverse()) {
    await mkdir(each).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the output folder's lock: a file naming this process, made whole and then
 * linked into place (so no one reads it half-written). A lock whose process is
 * gone was left by a killed build and is taken over; a live one refuses.
 */
async function takeLock(releases: string, outDir: string): Promise<() => Promise<void>> {
  const lock = path.join(releases, LOCK_NAME);
  const mine = path.join(releases, `${LOCK_NAME}-${process.pid}-${Date.now()}`);
  await writeFile(mine, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, lock);
        return () => rm(lock, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new EnvironmentFault(
          `${outDir} is being written by another build (process ${holder}); run again when it has finished, or remove ${lock} if that process is not a build`,
        );
      }
      await rm(lock, { force: true });
    }
    throw new EnvironmentFault(`could not take the lock ${lock}`);
  } finally {
    await rm(mine, { force: true });
  }
}

/** The version folder `target` links to now, if it is a link of ours. */
async function currentVersion(target: string): Promise<string | undefined> {
  const link = await readlink(target).catch(() => undefined);
  return link === undefined ? undefined : path.basename(link);
}

/**
 * Remove what earlier builds left: lock files of builds that were killed, and the staging and
 * retired folders of the writer before versions (`.dist-new-<pid>-<time>`, `.dist-old-...`) whose
 * process is gone. Returns the versions no link points to (the release the previous build replaced,
 * or a killed build's): the newest becomes this build's staging folder (recycle), and the writer
 * removes the others while this build validates. A release is a thousand files and hundreds of
 * folders: removing one took 0.1 s, and making one as much again, on the machine bench/README.md
 * describes.
 */
async function removeStale(target: string, releases: string, keep: ReadonlySet<string>): Promise<string[]> {
  const retired: string[] = [];
  for (const name of await readdir(releases)) {
    if (name === LOCK_NAME || keep.has(name)) continue;
    const lockOwner = /^lock-(\d+)-\d+$/.exec(name)?.[1];
    // Versions: the lock is ours, so no other build is writing one.
    if (lockOwner !== undefined) {
      if (!alive(Number(lockOwner))) await rm(path.join(releases, name), { force: true });
    } else if (VERSION_NAME.test(name)) retired.push(path.join(releases, name));
  }
  const prefix = `.${path.basename(target)}-`;
  for (const name of await readdir(path.dirname(target))) {
    if (!name.startsWith(prefix)) continue;
    const owner = /^(?:new|old|link)-(\d+)-\d+$/.exec(name.slice(prefix.length))?.[1];
    if (owner !== undefined && !alive(Number(owner))) await rm(path.join(path.dirname(target), name), { recursive: true, force: true });
  }
  return retired;
}

/** Rename the newest of the retired versions to `staging`; the one renamed, or undefined if none could be. */
async function recycle(retired: readonly string[], staging: string): Promise<string | undefined> {
  const newest = [...retired].sort((a, b) => versionTime(b) - versionTime(a))[0];
  if (newest === undefined) return undefined;
  try {
    await rename(newest, staging);
    return newest;
  } catch {
    return undefined;
  }
}

/** When a version folder (`<time>-<pid>`) was made. */
function versionTime(version: string): number {
  return Number.parseInt(path.basename(version), 10);
}

/**
 * Point `target` at a new version in one step: a fresh link renamed over the old
 * link (rename(2) replaces it atomically, so readers see the old release or the
 * new, never none). A folder left by a writer before versions is moved into the
 * versions first, once.
 */
async function swapIn(target: string, releases: string, version: string): Promise<void> {
  const parent = path.dirname(target);
  const temporaryLink = path.join(parent, `.${path.basename(target)}-link-${process.pid}-${Date.now()}`);
  await symlink(path.join(path.basename(releases), version), temporaryLink, 'dir');
  try {
    const stats = await lstat(target).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (stats?.isDirectory()) await rename(target, path.join(releases, `0-${process.pid}`));
    await rename(temporaryLink, target);
  } catch (error) {
    await rm(temporaryLink, { force: true });
    throw error;
  }
}

export interface WriteOptions {
  /** Folders the release must never replace or hold (the data, the schemas); the working directory always is. */
  protect?: readonly string[];
  /** Whether the writer runs on a thread of its own (default 'auto': it does when it can). */
  threads?: ThreadUse;
}

/** A release being made in its version folder: commit points the target at it, abandon removes it. Either releases the lock. */
export interface Staging {
  output: StagingOutput;
  commit(): Promise<FileDigest[]>;
  abandon(): Promise<void>;
}

/**
 * Open a new version folder beside `outDir` (`.<name>-releases/<time>-<pid>`) to make a release in,
 * holding the folder's lock until it is committed or abandoned (a second build refuses). Its writer
 * starts at once, making the previous release's folders and linking its unchanged files (see
 * SegmentWriter), so a build opens it before validating.
 */
export async function openStaging(outDir: string, options: WriteOptions = {}): Promise<Staging> {
  const target = path.resolve(outDir);
  const problem = await outputProblem(target, [process.cwd(), ...(options.protect ?? [])]);
  if (problem) throw new UsageFault(`will not replace --out ${outDir}: ${problem}`);
  const releases = releasesFolder(target);
  await makeFolders(releases);
  const unlock = await takeLock(releases, outDir);
  const version = `${Date.now()}-${process.pid}`;
  const staging = path.join(releases, version);
  let output: StagingOutput;
  try {
    const previous = await currentVersion(target);
    const retired = await removeStale(target, releases, new Set(previous ? [previous] : []));
    // Over a previous release, the newest version it replaced becomes the staging folder (see SegmentWriter).
    const recycled = previous ? await recycle(retired, staging) : undefined;
    if (!recycled) await mkdir(staging);
    const reuse = previous ? { staging: staging + path.sep, previous: path.join(releases, previous) + path.sep } : undefined;
    output = new StagingOutput(staging, options.threads ?? 'auto', {
      previous: reuse,
      recycled: recycled !== undefined,
      retired: retired.filter((version) => version !== recycled),
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await unlock();
    throw error;
  }
  let settled = false;
  const settle = async (swap: boolean): Promise<FileDigest[]> => {
    if (settled) throw new Error('a staging folder is committed or abandoned once');
    settled = true;
    let swapped = false;
    try {
      if (!swap) return [];
      try {
        await output.finish();
      } finally {
        await output.close();
      }
      const files = await output.digests();
      await swapIn(target, releases, version);
      swapped = true;
      // The replaced version stays until the next build removes it (see removeStale): a reader
      // part-way through one of its files finishes it, and this build does not wait for the removal.
      return files;
    } finally {
      if (!swapped) {
        await output.close();
        await rm(staging, { recursive: true, force: true });
      }
      await unlock();
      // A first build that failed leaves nothing behind, not even the empty versions folder.
      if (!swapped) await rmdir(releases).catch(() => undefined);
    }
  };
  return { output, commit: () => settle(true), abandon: async () => void (await settle(false)) };
}

/**
 * Make a release with `produce` into a new version folder, then point `outDir`, a symbolic link, at
 * it in one rename. If `produce` or any write fails, the new version is removed and `outDir` is
 * untouched. Resolves to the digests of the files written.
 */
export async function writeRelease(
  outDir: string,
  produce: (output: ReleaseOutput) => Promise<void>,
  options: WriteOptions = {},
): Promise<FileDigest[]> {
  const staging = await openStaging(outDir, options);
  try {
    await produce(staging.output);
  } catch (error) {
    await staging.abandon();
    throw error;
  }
  return staging.commit();
}
