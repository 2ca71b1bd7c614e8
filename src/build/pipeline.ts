/** The pipeline on the calling thread: load -> validate -> link -> compile -> publish, streamed into a staging folder swapped in at the end. */
import { compile, type CompileOptions } from '../compile/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { hasErrors } from '../diagnostics.js';
import type { Catalog } from '../model/catalog.js';
import type { FileDigest } from '../publish/digest.js';
import { DESCRIBERS, PUBLISHERS } from '../publish/index.js';
import { type HeldArtifact, MemoryOutput, publishAll } from '../publish/output.js';
import type { Describer, Publisher, ReleaseOutput } from '../publish/types.js';
import type { SchemaSet } from '../schema/model.js';
import type { ThreadUse } from '../util/threads.js';
import { type DataLocation, validateDataDir } from '../validate/index.js';
import { openStaging, writeRelease } from './staging.js';

export interface PublishOptions extends CompileOptions {
  /** The serialisations to make (default: all of them); tests give fewer, or a failing one. */
  publishers?: readonly Publisher[];
  describers?: readonly Describer[];
}

export interface BuildOptions extends DataLocation, PublishOptions {
  outDir: string;
  strict?: boolean;
  /** Whether the build and its validation may use threads (default 'auto': where they pay). */
  threads?: ThreadUse;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** The files written, sorted by path. Undefined when validation failed and nothing was written. */
  files?: FileDigest[];
}

/** Compile the catalog and run every publisher and describer into an output. */
export function publishRelease(catalog: Catalog, schemas: SchemaSet, output: ReleaseOutput, options: PublishOptions = {}): Promise<void> {
  const release = compile(catalog, schemas, options);
  // A chosen set of publishers describes only what it makes: the standard describers need the standard files.
  return publishAll(release, output, options.publishers ?? PUBLISHERS, options.describers ?? (options.publishers ? [] : DESCRIBERS));
}

/** The release in memory (for tests and tools that look at it whole). */
export async function compileRelease(catalog: Catalog, schemas: SchemaSet, options: PublishOptions = {}): Promise<HeldArtifact[]> {
  const output = new MemoryOutput();
  await publishRelease(catalog, schemas, output, options);
  return output.artifacts;
}

/** Writes nothing when the data is invalid; a failure at any point leaves the previous release as it was. */
export async function buildHere(options: BuildOptions): Promise<BuildResult> {
  const protect = [options.dataDir, ...(options.schemaDir ? [options.schemaDir] : [])];
  const writeOptions = { protect, ...(options.threads ? { threads: options.threads } : {}) };
  // The staging folder opens before validation, so that its writer makes the previous release's
  // folders meanwhile (see SegmentWriter); it is abandoned if the data is invalid. If it cannot be
  // opened (a refused --out, another build's lock), validation still comes first and writeRelease
  // reports the failure after it.
  const staging = await openStaging(options.outDir, writeOptions).catch(() => undefined);
  try {
    // Only the catalog goes on: the parsed YAML documents (most of validation's memory) are let go.
    const { diagnostics, catalog, schemas } = await validateDataDir(options, { threads: options.threads });
    if (hasErrors(diagnostics, options.strict)) {
      await staging?.abandon();
      return { diagnostics };
    }
    const produce = (output: ReleaseOutput) => publishRelease(catalog, schemas, output, options);
    if (!staging) return { diagnostics, files: await writeRelease(options.outDir, produce, writeOptions) };
    await produce(staging.output);
    return { diagnostics, files: await staging.commit() };
  } catch (error) {
    await staging?.abandon().catch(() => undefined);
    throw error;
  }
}
