/**
 * The linked data as JSON-LD: `context.jsonld` (the project context, derived from
 * the schemas), `partnership.jsonld` (every record, compacted, the context
 * inlined so any processor reads it offline) and `site/<id>.jsonld`, the small
 * document an entity's IRI dereferences to (nested records included).
 *
 * Nothing is silently dropped by construction: every property is written under
 * the context term made for it (`termFor` throws for a property without one) and
 * every node has an absolute IRI. The tests prove it with jsonld.js in safe mode,
 * offline, on the whole graph and on every entity's document; the build does not
 * run jsonld.js, whose expansion would cost more than the rest of the release.
 */
import { describeCatalog, type RdfNode, typedObjects } from '../rdf/graph.js';
import { compactNode, type JsonObject } from '../rdf/jsonld.js';
import { dataPrefixes, type PrefixMap } from '../rdf/prefixes.js';
import { contextFor, contextTerms, type JsonLdContext, jsonldContext, type TermIndex, termIndex } from '../rdf/terms.js';
import type { GraphStatistics } from '../rdf/statistics.js';
import { codeNodes } from '../rdf/vocab.js';
import type { Artifact, PublishContext, Publisher } from './types.js';

export const JSONLD_MEDIA_TYPE = 'application/ld+json';
export const GRAPH_JSONLD_PATH = 'partnership.jsonld';
export const CONTEXT_PATH = 'context.jsonld';

/** Where an entity's own documents are: `site/<id>.jsonld` and `site/<id>.ttl` (the site embeds them). */
export function entityDocumentPath(id: string, extension: 'jsonld' | 'ttl'): string {
  return `site/${id}.${extension}`;
}

/** The graph and what serialising it needs, computed once per release from the model. */
export interface LinkedData {
  /** A node per record: each has an id and documents of its own. */
  nodes: RdfNode[];
  /**
   * Nodes beside the records, with their classes only: the codes of the code lists
   * (their documents are the vocabulary's) and the outside resources the graph names
   * (licence, language, theme). In the whole graph, with no documents of their own.
   */
  resources: RdfNode[];
  prefixes: PrefixMap;
  context: JsonLdContext;
  terms: TermIndex;
  /** Each node's compacted text, made once for its own document, the whole graph and its page. */
  texts: Map<RdfNode, NodeText>;
  /** The whole graph's size and vocabularies, once the RDF dumps have counted them (VoID, in the catalogue). */
  statistics?: GraphStatistics;
  /** The opening of entity documents (their `"@context"` member) by the terms they use: records of a kind mostly share one. */
  openings: Map<string, string>;
}

/** A node compacted as JSON text (indented by two, as every JSON file of the release), and how its own document opens. */
interface NodeText {
  body: string;
  opening: string;
}

/** One graph per release: the JSON-LD, RDF and site publishers share it rather than each describing the catalogue. */
const linkedDataOf = new WeakMap<PublishContext, LinkedData>();

export function linkedData(publish: PublishContext): LinkedData {
  const known = linkedDataOf.get(publish);
  if (known) return known;
  const terms = contextTerms(publish.schemas);
  const nodes = describeCatalog(publish.catalog, publish.schemas, publish.baseIri);
  const data: LinkedData = {
    nodes,
    resources: [...codeNodes(publish.schemas, publish.baseIri), ...typedObjects(nodes)],
    prefixes: dataPrefixes(publish.baseIri),
    context: jsonldContext(publish.schemas, publish.baseIri, terms),
    terms: termIndex(terms),
    texts: new Map(),
    openings: new Map(),
  };
  linkedDataOf.set(publish, data);
  return data;
}

const indented = (json: string, spaces: string) => json.replace(/\n/g, `\n${spaces}`);

function nodeText(node: RdfNode, data: LinkedData): NodeText {
  let known = data.texts.get(node);
  if (!known) {
    const { json, used } = compactNode(node, data.terms, data.prefixes);
    const key = [...used].sort().join(' ');
    let opening = data.openings.get(key);
    if (opening === undefined) {
      opening = `{\n  "@context": ${indented(JSON.stringify(contextFor(data.context, used), null, 2), '  ')},\n`;
      data.openings.set(key, opening);
    }
    known = { body: JSON.stringify(json, null, 2), opening };
    data.texts.set(node, known);
  }
  return known;
}

const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function json(path: string, value: unknown): Artifact {
  return { path, content: jsonText(value), mediaType: JSONLD_MEDIA_TYPE };
}

/** Every node of the whole graph: the records in document order, then the other resources. */
function graphNodes(data: LinkedData): RdfNode[] {
  return [...data.nodes, ...data.resources];
}

/** The whole graph: one node per record, in document order, structured objects embedded in their holder, then the other resources. */
export function graphDocument(data: LinkedData): JsonObject {
  return { '@context': data.context, '@graph': graphNodes(data).map((node) => compactNode(node, data.terms, data.prefixes).json) };
}

/**
 * The text of `graphDocument` in parts, a node each, for a graph too large to hold
 * as one string: a node inside `@graph` is its own text indented by four more
 * spaces (JSON strings hold no raw line breaks, so every line break is indentation).
 */
export function graphDocumentParts(data: LinkedData): string[] {
  const context = indented(JSON.stringify(data.context, null, 2), '  ');
  const nodes = graphNodes(data);
  if (nodes.length === 0) return [`{\n  "@context": ${context},\n  "@graph": []\n}\n`];
  const parts = [`{\n  "@context": ${context},\n  "@graph": [\n`];
  nodes.forEach((node, index) => {
    parts.push(`    ${indented(nodeText(node, data).body, '    ')}${index < nodes.length - 1 ? ',' : ''}\n`);
  });
  parts.push('  ]\n}\n');
  return parts;
}

/** One entity's document, with only the terms it uses in its inlined context. */
export function entityDocument(node: RdfNode, data: LinkedData): JsonObject {
  const { json: body, used } = compactNode(node, data.terms, data.prefixes);
  return { '@context': contextFor(data.context, used), ...body };
}

/**
 * The text of `site/<id>.jsonld` for a node (that of `entityDocument`): the node's
 * own text with the context member put first.
 */
export function entityDocumentText(node: RdfNode, data: LinkedData): string {
  const { body, opening } = nodeText(node, data);
  return `${opening}${body.slice(2)}\n`;
}

/** The same text, for the last document that needs it (the entity's page): the node's text is not kept any longer. */
export function takeEntityDocumentText(node: RdfNode, data: LinkedData): string {
  const text = entityDocumentText(node, data);
  data.texts.delete(node);
  return text;
}

export const jsonldDocuments: Publisher = {
  name: 'jsonld',
  async publish(publish, output) {
    const data = linkedData(publish);
    await output.add(json(CONTEXT_PATH, { '@context': data.context }));
    for (const node of data.nodes) {
      const path = entityDocumentPath(node.id ?? '', 'jsonld');
      await output.add({ path, content: entityDocumentText(node, data), mediaType: JSONLD_MEDIA_TYPE });
    }
    await output.add({ path: GRAPH_JSONLD_PATH, content: graphDocumentParts(data), mediaType: JSONLD_MEDIA_TYPE });
  },
};
