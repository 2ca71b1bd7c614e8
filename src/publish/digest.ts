import { createHash } from 'node:crypto';
import type { Artifact } from './types.js';

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

export function digest(artifact: Artifact): FileDigest {
  // Hash and measure text as UTF-8 without encoding a copy: the release's files are digested more than once.
  const { content } = artifact;
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  return { path: artifact.path, mediaType: artifact.mediaType, bytes, sha256: createHash('sha256').update(content).digest('hex') };
}

export class MissingArtifactError extends Error {}

/** An earlier publisher's file, which a describing publisher depends on. */
/**
 * A path index of each list of earlier artifacts, extended as publishers append to the list,
 * so a publisher that looks up a file per record stays linear in the size of the release.
 */
const pathIndexes = new WeakMap<readonly Artifact[], { size: number; byPath: Map<string, Artifact> }>();

function indexedByPath(earlier: readonly Artifact[]): Map<string, Artifact> {
  let index = pathIndexes.get(earlier);
  if (!index || index.size > earlier.length) {
    index = { size: 0, byPath: new Map() };
    pathIndexes.set(earlier, index);
  }
  for (; index.size < earlier.length; index.size++) {
    const artifact = earlier[index.size];
    if (artifact && !index.byPath.has(artifact.path)) index.byPath.set(artifact.path, artifact);
  }
  return index.byPath;
}

export function earlierArtifact(earlier: readonly Artifact[], path: string): Artifact {
  const found = indexedByPath(earlier).get(path);
  if (!found) throw new MissingArtifactError(`${path} must be published before the files that describe it`);
  return found;
}

export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
