import { watch } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { diffDiagnostics, formatDiagnosticsDiff } from './diff.js';

export interface WatchOptions {
  dataDir: string;
  /** Quiet time after the last change before re-validating, in milliseconds. */
  debounceMs: number;
  /** One validation run; paths in its diagnostics as they should be shown. */
  validate: () => Promise<Diagnostic[]>;
  write: (text: string) => void;
  signal: AbortSignal;
  /** Called after each run (tests wait on it instead of sleeping). */
  onRun?: (diagnostics: Diagnostic[]) => void;
}

/**
 * Validate, then re-validate after each burst of changes below the data folder
 * and write only the diagnostics that appeared (+) or disappeared (-). Thin on
 * purpose: what to print is diffDiagnostics' job. Resolves when the signal aborts.
 */
export async function watchValidate(options: WatchOptions): Promise<void> {
  let last: Diagnostic[] = [];
  let running: Promise<void> = Promise.resolve();
  const rerun = () => {
    running = running.then(async () => {
      const next = await options.validate();
      const diff = diffDiagnostics(last, next);
      last = next;
      const text = formatDiagnosticsDiff(diff);
      if (text) options.write(text);
      options.onRun?.(next);
    });
    return running;
  };
  await rerun();
  if (options.signal.aborted) return;
  await new Promise<void>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(options.dataDir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void rerun(), options.debounceMs);
    });
    options.signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        watcher.close();
        void running.then(resolve);
      },
      { once: true },
    );
  });
}
