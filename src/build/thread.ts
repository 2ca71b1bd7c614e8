/**
 * A large build on a thread of its own, whose young generation is sized for it.
 *
 * Publishing makes millions of short-lived strings while it holds the linked-data graph of the whole
 * release. With V8's default young generation (16 MB semi-spaces) it collects every few milliseconds
 * and copies whatever is still alive each time; with 64 MB semi-spaces a scale-100 build was about a
 * tenth faster. A process flag (--max-semi-space-size) would have to be given by whoever runs the
 * CLI; a worker's resource limits set it for the build alone. This module is both sides: the main
 * thread's call, and the worker's loop.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { EnvironmentFault, UsageFault } from '../faults.js';
import { startWorker } from '../util/threads.js';
import { type BuildOptions, type BuildResult, buildHere } from './pipeline.js';

const ROLE = 'partnership-build-thread';

/** Young generation of the build thread: three semi-spaces' worth in V8's accounting (64 MB each). */
const BUILD_THREAD_YOUNG_GENERATION_MB = 192;

/** A failure as it crosses threads: its message and stack, and what makes it a refusal or a machine fault rather than a bug. */
interface ThreadFailure {
  message: string;
  stack?: string;
  fault?: 'usage' | 'environment';
  code?: string;
  syscall?: string;
  path?: string;
}

type BuildThreadReply = { result: BuildResult } | { error: ThreadFailure };

function failureOf(error: unknown): ThreadFailure {
  const failure = error instanceof Error ? error : new Error(String(error));
  const { code, syscall, path } = failure as NodeJS.ErrnoException;
  const fault = failure instanceof UsageFault ? 'usage' : failure instanceof EnvironmentFault ? 'environment' : undefined;
  return Object.fromEntries(
    Object.entries({ message: failure.message, stack: failure.stack, fault, code, syscall, path }).filter(([, v]) => v !== undefined),
  ) as unknown as ThreadFailure;
}

function errorOf({ message, fault, ...rest }: ThreadFailure): Error {
  const error = fault === 'usage' ? new UsageFault(message) : fault === 'environment' ? new EnvironmentFault(message) : new Error(message);
  return Object.assign(error, rest);
}

interface BuildThreadData {
  role: typeof ROLE;
  options: BuildOptions;
}

/** Run the build on a build thread and bring back its result (or its failure, as an Error). */
export function buildOnThread(options: BuildOptions): Promise<BuildResult> {
  const data: BuildThreadData = { role: ROLE, options: { ...options, threads: options.threads === 'always' ? 'always' : 'auto' } };
  return new Promise((resolve, reject) => {
    const worker = startWorker('./thread.js', import.meta.url, {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: BUILD_THREAD_YOUNG_GENERATION_MB },
    });
    let answered = false;
    worker.once('message', (reply: BuildThreadReply) => {
      answered = true;
      if ('result' in reply) resolve(reply.result);
      else reject(errorOf(reply.error));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the build thread stopped (exit code ${code}) before answering`));
    });
  });
}

if (!isMainThread && parentPort && (workerData as BuildThreadData | undefined)?.role === ROLE) {
  const port = parentPort;
  buildHere((workerData as BuildThreadData).options).then(
    (result) => port.postMessage({ result } satisfies BuildThreadReply),
    (error: unknown) => port.postMessage({ error: failureOf(error) } satisfies BuildThreadReply),
  );
}
