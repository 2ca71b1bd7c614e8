/**
 * build: validate the data folder and write the release, on a build thread for a large folder (its
 * young generation sized for the build) and on this thread otherwise, where a thread's start-up
 * would only slow it.
 */
import { listYamlFiles } from '../load/files.js';
import { useThread } from '../util/threads.js';
import { type BuildOptions, type BuildResult, buildHere } from './pipeline.js';
import { buildOnThread } from './thread.js';

export { compileRelease, publishRelease, type BuildOptions, type BuildResult, type PublishOptions } from './pipeline.js';

/** From this many data files on, a build runs on a thread. Measured on two cores: slower at 1,441 files, faster at 14,401. */
export const BUILD_THREAD_FROM_FILES = 5000;

export async function build(options: BuildOptions): Promise<BuildResult> {
  // A thread runs the standard publishers only: functions do not cross to it.
  const threads = options.publishers || options.describers ? 'never' : (options.threads ?? 'auto');
  const files = threads === 'auto' ? (await listYamlFiles(options.dataDir)).length : 0;
  return useThread(threads, files, BUILD_THREAD_FROM_FILES) ? buildOnThread(options) : buildHere(options);
}
