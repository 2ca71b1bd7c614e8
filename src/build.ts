import type { Diagnostic } from './diagnostics.js';
import { hasErrors } from './diagnostics.js';
import { type Catalog, datasetRecord } from './model/catalog.js';
import { PUBLISHERS } from './publish/index.js';
import type { Artifact, PublishContext, Publisher } from './publish/types.js';
import type { SchemaSet } from './schema/model.js';
import { type DataLocation, validateDataDir } from './validate.js';
import { writeReleaseAtomically } from './write.js';

export interface BuildOptions extends DataLocation {
  outDir: string;
  baseIri?: string;
  strict?: boolean;
  publishers?: readonly Publisher[];
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** Undefined when validation failed and nothing was written. */
  artifacts?: Artifact[];
}

/** Compile the release in memory. Pure apart from what publishers compute. */
export async function compileRelease(
  catalog: Catalog,
  schemas: SchemaSet,
  options: { baseIri?: string; publishers?: readonly Publisher[] } = {},
): Promise<Artifact[]> {
  const dataset = datasetRecord(catalog);
  const baseIri = options.baseIri ?? String(dataset.fields.baseIri);
  const context: PublishContext = { catalog, schemas, dataset, baseIri };
  const artifacts: Artifact[] = [];
  for (const publisher of options.publishers ?? PUBLISHERS) {
    artifacts.push(...(await publisher.publish(context, artifacts)));
  }
  return artifacts;
}

/** load -> validate -> link -> compile -> write (atomic). Writes nothing when the data is invalid. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const validation = await validateDataDir(options);
  if (hasErrors(validation.diagnostics, options.strict)) return { diagnostics: validation.diagnostics };
  const artifacts = await compileRelease(validation.catalog, validation.schemas, options);
  await writeReleaseAtomically(options.outDir, artifacts);
  return { diagnostics: validation.diagnostics, artifacts };
}
