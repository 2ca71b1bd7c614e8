import type { Diagnostic } from './diagnostics.js';
import { hasErrors } from './diagnostics.js';
import { type Catalog, datasetRecord } from './model/catalog.js';
import type { FileDigest } from './publish/digest.js';
import { PUBLISHERS } from './publish/index.js';
import { type HeldArtifact, MemoryOutput, publishAll } from './publish/output.js';
import type { PublishContext, Publisher, ReleaseOutput } from './publish/types.js';
import type { SchemaSet } from './schema/model.js';
import { type DataLocation, validateDataDir } from './validate.js';
import { writeRelease } from './write.js';

export interface BuildOptions extends DataLocation {
  outDir: string;
  baseIri?: string;
  strict?: boolean;
  publishers?: readonly Publisher[];
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** The files written, sorted by path. Undefined when validation failed and nothing was written. */
  files?: FileDigest[];
}

interface ReleaseOptions {
  baseIri?: string;
  publishers?: readonly Publisher[];
}

function publishContext(catalog: Catalog, schemas: SchemaSet, options: ReleaseOptions): PublishContext {
  const dataset = datasetRecord(catalog);
  return { catalog, schemas, dataset, baseIri: options.baseIri ?? String(dataset.fields.baseIri) };
}

/** Run every publisher into an output. */
export function publishRelease(catalog: Catalog, schemas: SchemaSet, output: ReleaseOutput, options: ReleaseOptions = {}): Promise<void> {
  return publishAll(publishContext(catalog, schemas, options), output, options.publishers ?? PUBLISHERS);
}

/** Compile the release in memory (for tests and tools that look at it whole). */
export async function compileRelease(catalog: Catalog, schemas: SchemaSet, options: ReleaseOptions = {}): Promise<HeldArtifact[]> {
  const output = new MemoryOutput();
  await publishRelease(catalog, schemas, output, options);
  return output.artifacts;
}

/** load -> validate -> link -> publish, streamed into a staging folder swapped in at the end. Writes nothing when the data is invalid. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // Only the catalog goes on: the parsed YAML documents (most of validation's memory) are let go.
  const { diagnostics, catalog, schemas } = await validateDataDir(options);
  if (hasErrors(diagnostics, options.strict)) return { diagnostics };
  const protect = [options.dataDir, ...(options.schemaDir ? [options.schemaDir] : [])];
  const files = await writeRelease(options.outDir, (output) => publishRelease(catalog, schemas, output, options), { protect });
  return { diagnostics, files };
}
