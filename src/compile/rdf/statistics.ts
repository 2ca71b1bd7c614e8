/**
 * What VoID says of a graph (void:triples, void:entities, void:vocabulary), counted
 * from its triples, each once.
 */
import { type PrefixMap, projectNamespace, projectVocabularyIri } from './prefixes.js';
import type { Triple } from './quads.js';

/** What VoID says of the graph: its size and the vocabularies it uses. */
export interface GraphStatistics {
  triples: number;
  /** Distinct subjects whose IRIs are under the base IRI (VoID's entities of the uriSpace). */
  entities: number;
  /** Namespaces of the predicates and classes, sorted (the project's as its vocabulary's IRI). */
  vocabularies: string[];
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** The statistics of the graph's triples (each once). Pure. */
export function graphStatistics(triples: readonly Triple[], prefixes: PrefixMap, baseIri: string): GraphStatistics {
  const subjects = new Set<string>();
  const terms = new Set<string>();
  for (const triple of triples) {
    if (triple.subject.startsWith(baseIri)) subjects.add(triple.subject);
    terms.add(triple.predicate);
    if (triple.predicate === RDF_TYPE && triple.object.kind === 'iri') terms.add(triple.object.iri);
  }
  const project = projectNamespace(baseIri);
  const vocabularies = new Set<string>();
  for (const term of terms) {
    let best = '';
    for (const namespace of Object.values(prefixes)) if (term.startsWith(namespace) && namespace.length > best.length) best = namespace;
    if (best) vocabularies.add(best === project ? projectVocabularyIri(baseIri) : best);
  }
  return { triples: triples.length, entities: subjects.size, vocabularies: [...vocabularies].sort() };
}
