/**
 * The linked data as JSON-LD: `context.jsonld` (the project context, derived from
 * the schemas), `partnership.jsonld` (every record, compacted, the context
 * inlined so any processor reads it offline) and `site/<id>.jsonld`, the small
 * document an entity's IRI dereferences to (nested records included).
 */
import { describeCatalog, type RdfNode } from '../rdf/graph.js';
import { compactNode, type JsonObject } from '../rdf/jsonld.js';
import { expandSafely } from '../rdf/loader.js';
import { dataPrefixes, type PrefixMap } from '../rdf/prefixes.js';
import { contextFor, contextTerms, type JsonLdContext, jsonldContext, type TermIndex, termIndex } from '../rdf/terms.js';
import type { Artifact, PublishContext, Publisher } from './types.js';

export const JSONLD_MEDIA_TYPE = 'application/ld+json';
export const GRAPH_JSONLD_PATH = 'partnership.jsonld';
export const CONTEXT_PATH = 'context.jsonld';

/** Where an entity's own documents are: `site/<id>.jsonld` and `site/<id>.ttl` (the site embeds them). */
export function entityDocumentPath(id: string, extension: 'jsonld' | 'ttl'): string {
  return `site/${id}.${extension}`;
}

/** The graph and what serialising it needs, computed once per publisher from the model. */
export interface LinkedData {
  nodes: RdfNode[];
  prefixes: PrefixMap;
  context: JsonLdContext;
  terms: TermIndex;
}

/** One graph per release: the JSON-LD and the RDF publishers share it rather than each describing the catalogue. */
const linkedDataOf = new WeakMap<PublishContext, LinkedData>();

export function linkedData(publish: PublishContext): LinkedData {
  const known = linkedDataOf.get(publish);
  if (known) return known;
  const terms = contextTerms(publish.schemas);
  const data: LinkedData = {
    nodes: describeCatalog(publish.catalog, publish.schemas, publish.baseIri),
    prefixes: dataPrefixes(publish.baseIri),
    context: jsonldContext(publish.schemas, publish.baseIri, terms),
    terms: termIndex(terms),
  };
  linkedDataOf.set(publish, data);
  return data;
}

/** Nodes per jsonld.js expansion: the safe-mode proof runs in slices so its memory stays bounded as the data grows. */
const EXPANSION_SLICE = 500;

function json(path: string, value: unknown): Artifact {
  return { path, content: `${JSON.stringify(value, null, 2)}\n`, mediaType: JSONLD_MEDIA_TYPE };
}

/** The whole graph: one node per record, in document order, structured objects embedded in their holder. */
export function graphDocument(data: LinkedData): JsonObject {
  return { '@context': data.context, '@graph': data.nodes.map((node) => compactNode(node, data.terms, data.prefixes).json) };
}

/** One entity's document, with only the terms it uses in its inlined context. */
export function entityDocument(node: RdfNode, data: LinkedData): JsonObject {
  const { json: body, used } = compactNode(node, data.terms, data.prefixes);
  return { '@context': contextFor(data.context, used), ...body };
}

export const jsonldDocuments: Publisher = {
  name: 'jsonld',
  async publish(publish) {
    const data = linkedData(publish);
    const graph = graphDocument(data);
    // The guarantee that nothing is silently dropped: jsonld.js, offline and in safe mode, must accept
    // every node of the dump. Nodes are independent, so slices of the graph under the same context
    // prove the same as the whole, without jsonld.js holding the whole expansion at once.
    const nodes = graph['@graph'] as JsonObject[];
    for (let start = 0; start < nodes.length; start += EXPANSION_SLICE) {
      await expandSafely({ '@context': data.context, '@graph': nodes.slice(start, start + EXPANSION_SLICE) });
    }
    return [
      json(CONTEXT_PATH, { '@context': data.context }),
      json(GRAPH_JSONLD_PATH, graph),
      ...data.nodes.map((node) => json(entityDocumentPath(node.id ?? '', 'jsonld'), entityDocument(node, data))),
    ];
  },
};
