/**
 * The writer: takes the release's files as segments (a whole file, or one of its parts in order)
 * and writes, measures and hashes them. It runs on a thread of its own in a build (writer-thread.ts)
 * so that the main thread goes on making files meanwhile, or on the calling thread (see openWriter).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
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
}

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

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

export class SegmentWriter {
  private readonly folders = new Set<string>();
  private readonly open = new Map<string, OpenFile>();

  handle({ batch, segments }: WriterRequest): WriterReply {
    let current: string | undefined;
    try {
      return {
        batch,
        digests: segments.map((segment) => {
          current = segment.file;
          return this.write(segment);
        }),
      };
    } catch (error) {
      const { message, code, syscall, path: file } = error as NodeJS.ErrnoException;
      const where = file ?? current;
      return { batch, error: { message: String(message), ...(code ? { code } : {}), ...(syscall ? { syscall } : {}), ...(where ? { path: where } : {}) } };
    }
  }

  private start(file: string): OpenFile {
    const folder = path.dirname(file);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    return { fd: openSync(file, 'w'), hash: createHash('sha256'), bytes: 0 };
  }

  private write({ file, content, first, last }: Segment): WrittenFile | null {
    const target = first ? this.start(file) : this.open.get(file);
    if (!target) throw new Error(`a part of ${file} came before its first part`);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
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
export function openWriter(threads: ThreadUse, onReply: (reply: WriterReply) => void, onFailure: (error: Error) => void): WriterChannel {
  // Writing costs about as much as making the files, so a writer thread pays at any size.
  if (useThread(threads, 1, 1)) {
    const worker = startWorker('./writer-thread.js', import.meta.url);
    worker.on('message', onReply);
    worker.on('error', onFailure);
    return {
      post: (request) => worker.postMessage(request),
      close: async () => void (await worker.terminate()),
    };
  }
  const writer = new SegmentWriter();
  return {
    post: (request) => {
      const reply = writer.handle(request);
      setImmediate(() => onReply(reply));
    },
    close: async () => undefined,
  };
}
