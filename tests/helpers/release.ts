/** Reference forms of the release the tests compare the build's own streaming output with. */
import { writeRelease } from '../../src/build/staging.js';
import { contextFor } from '../../src/compile/rdf/terms.js';
import { compactNode, type JsonObject } from '../../src/compile/rdf/jsonld.js';
import type { RdfNode } from '../../src/compile/rdf/graph.js';
import { canonicalOrder, type Triple } from '../../src/compile/rdf/quads.js';
import { graphNodes, type LinkedData } from '../../src/compile/linked-data.js';
import type { FileDigest } from '../../src/publish/digest.js';
import type { Artifact } from '../../src/publish/types.js';

/** Write files already made (in any order) as the release. */
export function writeReleaseAtomically(outDir: string, artifacts: readonly Artifact[]): Promise<FileDigest[]> {
  return writeRelease(outDir, async (output) => {
    for (const artifact of artifacts) await output.add(artifact);
  });
}

/** Canonical N-Quads: every line once, sorted. */
export function canonicalNQuads(triples: readonly Triple[]): string {
  return canonicalOrder(triples)
    .map((t) => t.line)
    .join('');
}

/** The whole graph as one JSON-LD object: one node per record, structured objects embedded in their holder, then the other resources. */
export function graphDocument(data: LinkedData): JsonObject {
  return { '@context': data.context, '@graph': graphNodes(data).map((node) => compactNode(node, data.terms, data.prefixes).json) };
}

/** One entity's document, with only the terms it uses in its inlined context. */
export function entityDocument(node: RdfNode, data: LinkedData): JsonObject {
  const { json: body, used } = compactNode(node, data.terms, data.prefixes);
  return { '@context': contextFor(data.context, used), ...body };
}
