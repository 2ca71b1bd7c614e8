/**
 * Whether work may go to another thread. A worker loads a compiled module (lib/js/*.js); run from the
 * TypeScript sources (the unit tests), the toolkit does the same work on the calling thread.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** 'auto': on a thread from the size where one pays for its start; 'always' and 'never' for tests and tools. */
export type ThreadUse = 'auto' | 'always' | 'never';

/** True when running compiled, where a worker can load the toolkit's modules. */
export const THREADS_AVAILABLE = import.meta.url.endsWith('.js');

/** Whether to use a thread for work of `size`, which pays for one from `worthFrom` on. */
export function useThread(use: ThreadUse, size: number, worthFrom: number): boolean {
  if (!THREADS_AVAILABLE || use === 'never') return false;
  return use === 'always' || size >= worthFrom;
}

/** A worker running the compiled sibling module `file` of the module at `from` (an import.meta.url). */
export function startWorker(file: string, from: string, options?: WorkerOptions): Worker {
  return new Worker(new URL(file, from), options);
}
