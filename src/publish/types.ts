import type { Release } from '../compile/index.js';
import type { FileDigest } from './digest.js';

/**
 * One file of the release, path relative to dist/ with forward slashes. A large
 * text may be given in parts, whose concatenation is the file: the writer then
 * never needs it as one string (the whole graph's dumps run to tens of megabytes).
 */
export interface Artifact {
  path: string;
  content: string | Uint8Array | readonly string[];
  /** IANA media type, for catalogues and servers. */
  mediaType: string;
}

/**
 * Where publishers put the release's files. A build streams them into a staging folder as they are
 * made (the release is far larger than its data, so it is never held whole); tests collect them in
 * memory. Either way a path is added once.
 */
export interface ArtifactSink {
  /** Add one file. Resolves when the sink can take more (a writer behind applies back-pressure). */
  add(artifact: Artifact): Promise<void>;
}

/** What the pipeline needs of an output besides adding files: the digests of what it holds. */
export interface ReleaseOutput extends ArtifactSink {
  /** Size, media type and SHA-256 of every file added so far, sorted by path. */
  digests(): Promise<FileDigest[]>;
}

/**
 * One serialisation of the release's content. A publisher either adds its files to the sink as it
 * makes them (those with a file per record, so the release is never held in memory) or returns a
 * few, which are then added for it. Publishers are independent of one another.
 */
export interface Publisher {
  name: string;
  publish(release: Release, sink: ArtifactSink): Promise<readonly Artifact[] | undefined> | readonly Artifact[] | undefined;
}

/**
 * A file that describes other files of the release by their sizes and hashes (a checksum list, a
 * catalogue, a data package, a landing page). It runs once the files it describes are written, and
 * is given their digests: the pipeline orders describers by what they make and what they describe,
 * so a describer may describe another's file (the catalogue lists the data package).
 */
export interface Describer {
  name: string;
  /** The paths it makes. */
  makes: readonly string[];
  /** Whether it describes the file at this path (never one of its own). */
  describes(path: string): boolean;
  describe(release: Release, described: readonly FileDigest[]): readonly Artifact[] | Promise<readonly Artifact[]>;
}
