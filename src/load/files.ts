import { type Dirent, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareText } from '../util/compare.js';
import { isSystemError, systemCause } from '../faults.js';

export interface RawFile {
  /** Path relative to the root, forward slashes. */
  path: string;
  bytes: Uint8Array;
  /** Why the file could not be read (a FILE_READ diagnostic); `bytes` is then empty. */
  unreadable?: string;
}

/** The data files below a folder, and the entries that could not be followed, with why. */
export interface DataListing {
  /** Paths relative to the root, in byte order; every path of `problems` is among them. */
  paths: string[];
  /** Links that lead outside the folder, nowhere or round in a loop, and folders that cannot be listed. */
  problems: Map<string, string>;
}

const YAML_FILE = /\.ya?ml$/i;

/** `inner` is `outer` or below it. */
function inside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function cause(error: unknown): string {
  return isSystemError(error) ? systemCause(error) : String(error);
}

// Listing and reading are synchronous on purpose. A data folder is thousands of small files: the
// promise versions send each open, stat, read and close through libuv's thread pool, which at
// 14,000 files took 1.4 s against 0.2 s for plain synchronous reads. Nothing else runs meanwhile.

/**
 * Every YAML file below a folder, in byte order of their paths (never file-system
 * order). Symbolic links are followed while they stay inside the folder; a link
 * that leads outside it, nowhere, or back to a folder above it, and a folder that
 * cannot be listed, is listed too, with its problem, so that it is reported
 * (never dropped silently).
 */
export function listDataFiles(root: string): DataListing {
  const paths: string[] = [];
  const problems = new Map<string, string>();
  const realRoot = realpathSync(root);
  const report = (relative: string, problem: string) => {
    paths.push(relative);
    problems.set(relative, problem);
  };
  function walk(relative: string, real: string, ancestors: readonly string[]): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      if (relative === '') throw error;
      report(relative, `the folder cannot be listed: ${cause(error)}`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        const full = path.join(root, child);
        let target: string;
        let isDirectory: boolean;
        try {
          target = realpathSync(full);
          isDirectory = statSync(target).isDirectory();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') report(child, 'the symbolic link loops back on itself');
          else if (code === 'ENOENT') report(child, `the symbolic link leads nowhere (to ${readlinkSync(full)})`);
          else report(child, `the symbolic link cannot be followed: ${cause(error)}`);
          continue;
        }
        if (!inside(realRoot, target)) report(child, `the symbolic link leads outside the data folder (to ${target})`);
        else if (!isDirectory) {
          if (YAML_FILE.test(entry.name)) paths.push(child);
        } else if ([...ancestors, real].some((folder) => inside(target, folder))) {
          report(child, 'the symbolic link leads back to a folder that holds it (a loop)');
        } else walk(child, target, [...ancestors, real]);
      } else if (entry.isDirectory()) walk(child, path.join(real, entry.name), [...ancestors, real]);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) paths.push(child);
    }
  }
  walk('', realRoot, []);
  paths.sort(compareText);
  return { paths, problems };
}

/** Every YAML file below a folder (and each entry that could not be followed), in byte order of their paths. */
export async function listYamlFiles(root: string): Promise<string[]> {
  return listDataFiles(root).paths;
}

/** Read one listed file; a file that cannot be read is returned with why, never thrown. */
export function readDataFile(root: string, file: string, problem?: string): RawFile {
  if (problem !== undefined) return { path: file, bytes: new Uint8Array(0), unreadable: problem };
  try {
    return { path: file, bytes: readFileSync(path.join(root, file)) };
  } catch (error) {
    return { path: file, bytes: new Uint8Array(0), unreadable: `the file cannot be read: ${cause(error)}` };
  }
}

/** The YAML files below a folder (or those of a listing), in path order, each read or with why it could not be. */
export async function readYamlFiles(root: string, listing: DataListing | readonly string[] = listDataFiles(root)): Promise<RawFile[]> {
  const { paths, problems } = Array.isArray(listing)
    ? { paths: listing as readonly string[], problems: new Map<string, string>() }
    : (listing as DataListing);
  return paths.map((p) => readDataFile(root, p, problems.get(p)));
}
