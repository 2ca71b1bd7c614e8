/**
 * The release's linked data, made once from the model: the graph's nodes, the prefixes and JSON-LD
 * context that serialise them, and each node's compacted JSON text. The JSON-LD documents, the RDF
 * dumps and the site's pages are all serialisations of this one value.
 *
 * Nothing is silently dropped by construction: every property is written under the context term made
 * for it (`termFor` throws for a property without one) and every node has an absolute IRI. The tests
 * prove it with jsonld.js in safe mode, offline, on the whole graph and on every entity's document;
 * the build does not run jsonld.js, whose expansion would cost more than the rest of the release.
 */
import type { Catalog } from '../model/catalog.js';
import type { SchemaSet } from '../schema/model.js';
import { describeCatalog, type RdfNode, typedObjects } from './rdf/graph.js';
import { compactNode } from './rdf/jsonld.js';
import { dataPrefixes, type PrefixMap } from './rdf/prefixes.js';
import { CanonicalGraph, canonicalOrder, type LinedTriple, nodeTriples, type Triple } from './rdf/quads.js';
import { type GraphStatistics, graphStatistics } from './rdf/statistics.js';
import { contextFor, contextTerms, type JsonLdContext, jsonldContext, type TermIndex, termIndex } from './rdf/terms.js';
import { codeNodes } from './rdf/vocab.js';

/** A node compacted as JSON text (indented by two, as every JSON file of the release), and how its own document opens. */
export interface NodeText {
  body: string;
  /** The `{ "@context": ... ,` that opens its own document: only the terms it uses. */
  opening: string;
}

export interface LinkedData {
  /** A node per record: each has an id and documents of its own. */
  nodes: RdfNode[];
  /**
   * Nodes beside the records, with their classes only: the codes of the code lists (their documents
   * are the vocabulary's) and the outside resources the graph names (licence, language, theme). In the
   * whole graph, with no documents of their own.
   */
  resources: RdfNode[];
  prefixes: PrefixMap;
  context: JsonLdContext;
  terms: TermIndex;
  /** Each node's compacted text, made once for its own document, the whole graph and its page. */
  texts: ReadonlyMap<RdfNode, NodeText>;
  /** Each record node's triples in canonical order (its own Turtle document), each line made once. */
  entityTriples: ReadonlyMap<RdfNode, LinedTriple[]>;
  /** The whole graph in canonical order, each triple once: as N-Quads text in parts, and as triples. */
  whole: { nquads: string[]; triples: Triple[] };
  /** Its size and vocabularies (VoID, in the catalogue). */
  statistics: GraphStatistics;
}

const indented = (json: string, spaces: string) => json.replace(/\n/g, `\n${spaces}`);

export function compileLinkedData(catalog: Catalog, schemas: SchemaSet, baseIri: string): LinkedData {
  const termList = contextTerms(schemas);
  const nodes = describeCatalog(catalog, schemas, baseIri);
  const prefixes = dataPrefixes(baseIri);
  const context = jsonldContext(schemas, baseIri, termList);
  const terms = termIndex(termList);
  // Records of a kind mostly use the same terms, so they share one opening.
  const openings = new Map<string, string>();
  const resources = [...codeNodes(schemas, baseIri), ...typedObjects(nodes)];
  const texts = new Map<RdfNode, NodeText>();
  for (const node of [...nodes, ...resources]) {
    const { json, used } = compactNode(node, terms, prefixes);
    const key = [...used].sort().join(' ');
    let opening = openings.get(key);
    if (opening === undefined) {
      opening = `{\n  "@context": ${indented(JSON.stringify(contextFor(context, used), null, 2), '  ')},\n`;
      openings.set(key, opening);
    }
    texts.set(node, { body: JSON.stringify(json, null, 2), opening });
  }
  const graph = new CanonicalGraph();
  const entityTriples = new Map<RdfNode, LinedTriple[]>();
  for (const node of nodes) {
    const lined = canonicalOrder(nodeTriples(node, prefixes));
    entityTriples.set(node, lined);
    graph.add(lined);
  }
  for (const resource of resources) graph.add(canonicalOrder(nodeTriples(resource, prefixes)));
  const whole = graph.inOrder();
  return {
    nodes,
    resources,
    prefixes,
    context,
    terms,
    texts,
    entityTriples,
    whole,
    statistics: graphStatistics(whole.triples, prefixes, baseIri),
  };
}

function textOf(node: RdfNode, data: LinkedData): NodeText {
  const text = data.texts.get(node);
  if (!text) throw new Error(`node ${node.id ?? '(no id)'} is not in this graph`);
  return text;
}

/** The text of an entity's own JSON-LD document: the node's text with its context member put first. */
export function entityDocumentText(node: RdfNode, data: LinkedData): string {
  const { body, opening } = textOf(node, data);
  return `${opening}${body.slice(2)}\n`;
}

/** Every node of the whole graph: the records in document order, then the other resources. */
export function graphNodes(data: LinkedData): RdfNode[] {
  return [...data.nodes, ...data.resources];
}

/**
 * The text of the whole graph in parts, a node each, for a graph too large to hold as one string:
 * a node inside `@graph` is its own text indented by four more spaces (JSON strings hold no raw
 * line breaks, so every line break is indentation).
 */
export function graphDocumentParts(data: LinkedData): string[] {
  const context = indented(JSON.stringify(data.context, null, 2), '  ');
  const nodes = graphNodes(data);
  if (nodes.length === 0) return [`{\n  "@context": ${context},\n  "@graph": []\n}\n`];
  const parts = [`{\n  "@context": ${context},\n  "@graph": [\n`];
  nodes.forEach((node, index) => {
    parts.push(`    ${indented(textOf(node, data).body, '    ')}${index < nodes.length - 1 ? ',' : ''}\n`);
  });
  parts.push('  ]\n}\n');
  return parts;
}
