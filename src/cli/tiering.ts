/**
 * V8's optimising compiler (TurboFan) compiles a function again, on another thread, once it has
 * run often. A build or validation of a small data folder runs most of its thousands of functions
 * a few hundred times at most: optimising them cost more CPU than it saved, and took the second core
 * from the writer thread. On data/ (234 files) a build took 680 ms without it against 769 with it
 * (CPU 900 against 1,210 ms); at 2,331 files (scale 10) optimised code pays (validate 987 against 1,212 ms).
 * So `build` and `validate` start without it (bin/partnership.js) and turn it on here once they
 * know the data folder is large, or will run long (`--watch`). Other commands never turn it off.
 */
import { setFlagsFromString } from 'node:v8';
import { listYamlFiles } from '../load/files.js';

/** From this many data files on, a run is long enough for optimised code to pay. */
export const OPTIMISE_FROM_FILES = 1000;

/** Turn V8's optimising compiler on (again); it is on unless bin/partnership.js turned it off. */
export function optimise(): void {
  setFlagsFromString('--opt');
}

/** Whether a run over this data folder is long enough for optimised code to pay. */
export async function worthOptimising(dataDir: string): Promise<boolean> {
  return (await listYamlFiles(dataDir).catch(() => [])).length >= OPTIMISE_FROM_FILES;
}

/** Turn it on when the data folder holds enough files for it to pay. */
export async function optimiseForDataIn(dataDir: string): Promise<void> {
  if (await worthOptimising(dataDir)) optimise();
}
