import type { Catalog, EntityRecord } from '../model/catalog.js';
import type { SchemaSet } from '../schema/model.js';
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

export interface PublishContext {
  catalog: Catalog;
  schemas: SchemaSet;
  dataset: EntityRecord;
  /** Base IRI of every entity (ends with "/"); an entity's IRI is this plus its id. */
  baseIri: string;
}

/**
 * Where publishers put the release's files. A build streams them into a staging
 * folder as they are made (the release is far larger than its data, so it is never
 * held whole); tests collect them in memory. Either way a path is added once.
 */
export interface ReleaseOutput {
  /** Add one file. Resolves when the output can take more (a writer behind applies back-pressure). */
  add(artifact: Artifact): Promise<void>;
  /** Whether an earlier publisher added this path. */
  has(path: string): boolean;
  /** Size, media type and SHA-256 of every file added so far, sorted by path. */
  digests(): Promise<FileDigest[]>;
}

/**
 * One output of the release. Publishers run in order and can describe what earlier
 * ones made (through the output's digests), so checksums and catalogues come last.
 * A publisher either adds its files to the output as it makes them (those with a
 * file per record, so the release is never held in memory) or returns a few files,
 * which are then added for it.
 */
export interface Publisher {
  name: string;
  publish(context: PublishContext, output: ReleaseOutput): Promise<readonly Artifact[] | void> | readonly Artifact[] | void;
}
