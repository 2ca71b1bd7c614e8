import type { Catalog, EntityRecord } from '../model/catalog.js';
import type { SchemaSet } from '../schema/model.js';

/** One file of the release, path relative to dist/ with forward slashes. */
export interface Artifact {
  path: string;
  content: string | Uint8Array;
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
 * One output of the release. Publishers run in order and see what earlier ones made,
 * so checksums and catalogues can describe the files before them.
 */
export interface Publisher {
  name: string;
  publish(context: PublishContext, earlier: readonly Artifact[]): Promise<Artifact[]> | Artifact[];
}

export function artifactBytes(artifact: Artifact): Uint8Array {
  return typeof artifact.content === 'string' ? new TextEncoder().encode(artifact.content) : artifact.content;
}
