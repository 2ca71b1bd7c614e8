/**
 * The writer: takes the release's files as segments (a whole file, or one of its parts in order)
 * and writes, measures and hashes them. It runs on a thread of its own in a build (writer-thread.ts)
 * so that the main thread goes on making files meanwhile, or on the calling thread (see openWriter).
 */
import { createHash, type Hash } from 'node:crypto';
import {
  closeSync,
  type Dirent,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmdirSync,
  rmSync,
  type Stats,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { startWorker, type ThreadUse, useThread } from '../util/threads.js';

/** A piece of one file: `first` opens the file, `last` closes it; a file's segments come in order. */
export interface Segment {
  file: string;
  content: string | Uint8Array;
  first: boolean;
  last: boolean;
}

export interface WriterRequest {
  batch: number;
  segments: Segment[];
  /** After every file: remove the folders prepared from the previous release that no file went into. */
  finish?: boolean;
}

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/** For each segment, the file's size and hash when it closed the file, else null; or the failure. */
/** A failed write as it crosses threads: the system error's message, code, call and the file it was writing. */
export interface WriterFailure {
  message: string;
  code?: string;
  syscall?: string;
  path?: string;
}

/** For each segment, the file's size and hash when it closed the file, else null; or the failure. */
export type WriterReply = { batch: number; digests: (WrittenFile | null)[] } | { batch: number; error: WriterFailure };

interface OpenFile {
  fd: number;
  hash: Hash;
  bytes: number;
}

/** The release being replaced: a file at `staging` + p that is byte-identical to `previous` + p is linked, not written. */
export interface PreviousRelease {
  staging: string;
  previous: string;
}

/** What a writer does when it starts, before the first file comes. */
export interface WriterStart {
  previous?: PreviousRelease | undefined;
  /** The staging folder is an older release renamed (see openStaging): its files are kept where they are the new ones, removed where not. */
  recycled?: boolean | undefined;
  /** Older versions no link points to any more, removed while the build validates (see openStaging). */
  retired?: readonly string[] | undefined;
}

/** The file's bytes and identity when it is a regular file of exactly `size` bytes, else undefined. */
function readIfSize(file: string, size: number): { bytes: Buffer; stats: Stats } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size !== size) return undefined;
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const got = readSync(fd, bytes, read, size - read, read);
      if (got === 0) return undefined;
      read += got;
    }
    return { bytes, stats };
  } finally {
    closeSync(fd);
  }
}

/** Whether two stats are of one file (two names of one inode). */
function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}

export class SegmentWriter {
  private readonly folders = new Set<string>();
  private readonly open = new Map<string, OpenFile>();

  private previous: PreviousRelease | undefined;
  /** Folders the staging folder holds before any file comes (made ahead, or recycled), removed at the end unless a file went into them. */
  private prepared: string[] = [];
  /** Folders that files went into. */
  private readonly used = new Set<string>();
  /** What a recycled staging folder held that this release has not yet kept or replaced: path to whether it is a folder. */
  private readonly leftovers = new Map<string, boolean>();

  /**
   * Creating a file (a new inode) is the dearest thing a build does on some machines: on the one
   * bench/README.md describes, 0.4-0.7 ms of kernel time each under the project's folder, so the
   * real data's 684 files cost more than the whole floor. A rebuild mostly writes what the previous
   * release already holds, so a whole file identical to the previous release's is hard-linked into
   * the staging folder (0.02 ms): same bytes, and the previous release is only read, never changed,
   * so a failed build still leaves it as it was. Wherever links cannot be made, files are written.
   *
   * Removing a release and making the folders of the next cost as much again, so the staging folder
   * is, when there is one, the release the previous build replaced (renamed by openStaging): where
   * it still holds the previous release's file under the same name (the same inode, linked by the
   * build before) and that is the new file, the file is kept as it is. Nothing is ever written into
   * an existing file: a file of the recycled release that is not the new one is unlinked, and the new
   * one made, so the previous release, which may share its inode, is never changed.
   */
  constructor({ previous, recycled = false, retired = [] }: WriterStart = {}) {
    this.previous = previous;
    if (previous) {
      if (recycled) this.scanRecycled(previous.staging);
      this.prepareFolders(previous);
    }
    for (const folder of retired) {
      try {
        rmSync(folder, { recursive: true, force: true });
      } catch {
        // Left for the next build to try again: nothing reads a retired version.
      }
    }
  }

  /** The recycled release's files and folders: its folders are taken as prepared, its files as leftovers. */
  private scanRecycled(staging: string): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(staging, { recursive: true, withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(entry.parentPath, entry.name);
      const isFolder = entry.isDirectory();
      this.leftovers.set(full, isFolder);
      if (isFolder) {
        this.folders.add(full);
        this.prepared.push(full);
      }
    }
  }

  /**
   * Making a folder costs as much as making a file (above), and the site has one per entity. The
   * writer starts before validation (build/pipeline.ts), so it makes the previous release's folders
   * in the staging folder while the main thread validates; those no file goes into are removed at the end.
   */
  private prepareFolders(previous: PreviousRelease): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(previous.previous, { recursive: true, withFileTypes: true });
    } catch {
      return;
    }
    const folders = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(entry.parentPath, entry.name).slice(previous.previous.length))
      .sort((a, b) => a.length - b.length);
    for (const folder of folders) {
      const made = previous.staging + folder;
      if (this.folders.has(made)) continue;
      this.removeLeftover(made);
      mkdirSync(made, { recursive: true });
      this.folders.add(made);
      this.prepared.push(made);
    }
  }

  /** Clear the way for a new file or folder at `at`: what the recycled release held there goes. */
  private removeLeftover(at: string): void {
    const isFolder = this.leftovers.get(at);
    if (isFolder === undefined) return;
    this.leftovers.delete(at);
    if (isFolder) this.removeFolder(at);
    else unlinkSync(at);
  }

  /** A folder made ahead or recycled, with what it holds (only what the new release has not used). */
  private removeFolder(at: string): void {
    rmSync(at, { recursive: true, force: true });
    const inside = at + path.sep;
    for (const other of this.leftovers.keys()) if (other.startsWith(inside)) this.leftovers.delete(other);
    for (const folder of this.folders) if (folder === at || folder.startsWith(inside)) this.folders.delete(folder);
  }

  /**
   * Clear the way for a new file at `file`: what the recycled release held there, or a folder made
   * ahead where the previous release had one and the new release has a file instead (no file of
   * this release went into it; if one did, the file fails to open, as the two paths conflict).
   */
  private clearForFile(file: string): void {
    if (this.leftovers.has(file)) this.removeLeftover(file);
    else if (this.folders.has(file) && !this.usedUnder(file)) this.removeFolder(file);
  }

  private usedUnder(folder: string): boolean {
    const inside = folder + path.sep;
    for (const used of this.used) if (used === folder || used.startsWith(inside)) return true;
    return false;
  }

  /** The folder of a file about to be made, with the folders above it. */
  private ensureFolder(folder: string): void {
    this.used.add(folder);
    if (this.folders.has(folder)) return;
    for (let at = folder; !this.folders.has(at) && at !== path.dirname(at); at = path.dirname(at)) this.removeLeftover(at);
    mkdirSync(folder, { recursive: true });
    this.folders.add(folder);
  }

  private finish(): void {
    for (const [leftover, isFolder] of this.leftovers) if (!isFolder) unlinkSync(leftover);
    this.leftovers.clear();
    const kept = new Set<string>();
    for (const folder of this.used) {
      for (let at = folder; !kept.has(at) && at.length > 1; at = path.dirname(at)) kept.add(at);
    }
    const unused = this.prepared.filter((folder) => !kept.has(folder) && this.folders.has(folder));
    // Deepest first, so each is empty when its turn comes.
    for (const folder of unused.sort((a, b) => b.length - a.length)) rmdirSync(folder);
    this.prepared = [];
  }

  handle({ batch, segments, finish }: WriterRequest): WriterReply {
    let current: string | undefined;
    try {
      const digests = segments.map((segment) => {
        current = segment.file;
        return this.write(segment);
      });
      // After this request's files, so none of their folders is taken for unused.
      if (finish) this.finish();
      return { batch, digests };
    } catch (error) {
      const { message, code, syscall, path: file } = error as NodeJS.ErrnoException;
      const where = file ?? current;
      return {
        batch,
        error: { message: String(message), ...(code ? { code } : {}), ...(syscall ? { syscall } : {}), ...(where ? { path: where } : {}) },
      };
    }
  }

  private start(file: string): OpenFile {
    this.ensureFolder(path.dirname(file));
    this.clearForFile(file);
    // 'wx': a new file, never an existing one truncated (it could be a link to the previous release's).
    return { fd: openSync(file, 'wx'), hash: createHash('sha256'), bytes: 0 };
  }

  /** Keep or link `file` as the previous release's copy when that holds exactly `bytes`; true when it did. */
  private linked(file: string, bytes: Uint8Array): boolean {
    const previous = this.previous;
    if (!previous || !file.startsWith(previous.staging)) return false;
    const old = previous.previous + file.slice(previous.staging.length);
    const held = readIfSize(old, bytes.byteLength);
    if (!held?.bytes.equals(bytes)) return false;
    if (this.leftovers.get(file) === false && sameFile(lstatSync(file), held.stats)) {
      this.leftovers.delete(file);
      this.used.add(path.dirname(file));
      return true;
    }
    this.ensureFolder(path.dirname(file));
    this.clearForFile(file);
    try {
      linkSync(old, file);
      return true;
    } catch {
      // A file system without hard links (or a link-count limit): write every file from now on.
      this.previous = undefined;
      return false;
    }
  }

  private write({ file, content, first, last }: Segment): WrittenFile | null {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (first && last && this.linked(file, bytes)) {
      return { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
    }
    const target = first ? this.start(file) : this.open.get(file);
    if (!target) throw new Error(`a part of ${file} came before its first part`);
    writeSync(target.fd, bytes);
    target.hash.update(bytes);
    target.bytes += bytes.byteLength;
    if (!last) {
      this.open.set(file, target);
      return null;
    }
    this.open.delete(file);
    closeSync(target.fd);
    return { bytes: target.bytes, sha256: target.hash.digest('hex') };
  }
}

/** How the staging output talks to a writer, wherever it runs. */
export interface WriterChannel {
  post(request: WriterRequest): void;
  close(): Promise<void>;
}

/**
 * A writer on a thread of its own (unless threads are not to be used), else on this thread,
 * answering after the current task as a thread would.
 */
export function openWriter(
  threads: ThreadUse,
  onReply: (reply: WriterReply) => void,
  onFailure: (error: Error) => void,
  start: WriterStart = {},
): WriterChannel {
  // Writing costs about as much as making the files, so a writer thread pays at any size.
  if (useThread(threads, 1, 1)) {
    const worker = startWorker('./writer-thread.js', import.meta.url, { workerData: start });
    worker.on('message', onReply);
    worker.on('error', onFailure);
    return {
      post: (request) => worker.postMessage(request),
      close: async () => void (await worker.terminate()),
    };
  }
  const writer = new SegmentWriter(start);
  return {
    post: (request) => {
      const reply = writer.handle(request);
      setImmediate(() => onReply(reply));
    },
    close: async () => undefined,
  };
}
