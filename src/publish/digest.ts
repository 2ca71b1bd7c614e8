import { createHash } from 'node:crypto';
import { type Artifact, artifactBytes } from './types.js';

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
  const bytes = artifactBytes(artifact);
  return { path: artifact.path, mediaType: artifact.mediaType, bytes: bytes.byteLength, sha256: sha256Hex(bytes) };
}

export class MissingArtifactError extends Error {}

/** An earlier publisher's file, which a describing publisher depends on. */
export function earlierArtifact(earlier: readonly Artifact[], path: string): Artifact {
  const found = earlier.find((a) => a.path === path);
  if (!found) throw new MissingArtifactError(`${path} must be published before the files that describe it`);
  return found;
}

export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
