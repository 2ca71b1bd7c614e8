import { createHash } from 'node:crypto';
import type { Artifact } from './types.js';
import { compareText } from '../util/compare.js';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Size and SHA-256 of a file of the release, as catalogues and checksum lists state them. */
export interface FileDigest {
  path: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

/** The digest of a file held whole (the in-memory output joins a file given in parts when it is added). */
export function digest(artifact: Artifact & { content: string | Uint8Array }): FileDigest {
  // Hash and measure text as UTF-8 without encoding a copy.
  const { content } = artifact;
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  return { path: artifact.path, mediaType: artifact.mediaType, bytes, sha256: createHash('sha256').update(content).digest('hex') };
}

export class MissingArtifactError extends Error {}

/** Each list of digests indexed by path once: a describing publisher looks up a file per table. */
const digestIndexes = new WeakMap<readonly FileDigest[], Map<string, FileDigest>>();

/** An earlier publisher's file, which a describing publisher depends on. */
export function digestOf(digests: readonly FileDigest[], path: string): FileDigest {
  let index = digestIndexes.get(digests);
  if (!index) {
    index = new Map(digests.map((d) => [d.path, d]));
    digestIndexes.set(digests, index);
  }
  const found = index.get(path);
  if (!found) throw new MissingArtifactError(`${path} must be published before the files that describe it`);
  return found;
}

/**
 * A path inside the release, written one way only: segments joined by `/`, none empty, `.` or `..`,
 * no backslash. Checked as text rather than by resolving it (which showed in profiles at 60,000
 * files), and stricter: `a/../b` would otherwise claim a second name for `b`.
 */
const RELEASE_PATH = /^(?!\.{1,2}(?:\/|$))(?!.*\/\.{1,2}(?:\/|$))[^/\\\0]+(?:\/[^/\\\0]+)*$/;

/**
 * Refuse a path that is not a plain relative path inside the release, or one already in it: two
 * publishers writing one file would silently lose one of them.
 */
export function claimPath(claimed: Set<string>, path: string): void {
  if (!RELEASE_PATH.test(path)) throw new Error(`artifact path escapes the release or is not a plain relative path: ${path}`);
  if (claimed.has(path)) throw new Error(`artifact written twice: ${path}`);
  claimed.add(path);
}

export function byPath(a: { path: string }, b: { path: string }): number {
  return compareText(a.path, b.path);
}
