/**
 * The vocabularies the schemas' CURIEs draw on, and the project's own (`spv:`),
 * whose namespace follows the base IRI so that a fork publishing under another
 * base also owns its terms.
 */
import { compareText } from '../../util/compare.js';

/** Established vocabularies, by the prefix the schemas use. */
export const VOCABULARIES: Readonly<Record<string, string>> = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  doco: 'http://purl.org/spar/doco/',
  eli: 'http://data.europa.eu/eli/ontology#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  org: 'http://www.w3.org/ns/org#',
  prov: 'http://www.w3.org/ns/prov#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  schema: 'https://schema.org/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  void: 'http://rdfs.org/ns/void#',
  wd: 'http://www.wikidata.org/entity/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** Vocabularies only the shapes and vocabulary files need. */
export const SCHEMA_VOCABULARIES: Readonly<Record<string, string>> = {
  owl: 'http://www.w3.org/2002/07/owl#',
  sh: 'http://www.w3.org/ns/shacl#',
  vann: 'http://purl.org/vocab/vann/',
};

export const PROJECT_PREFIX = 'spv';

/** The project vocabulary's namespace: `<base>vocab#`. */
export function projectNamespace(baseIri: string): string {
  return `${baseIri}vocab#`;
}

/** The IRI of the project vocabulary document (its namespace without the `#`). */
export function projectVocabularyIri(baseIri: string): string {
  return `${baseIri}vocab`;
}

export type PrefixMap = Readonly<Record<string, string>>;

/** Every prefix the published data uses, the project's included, sorted by prefix. */
export function dataPrefixes(baseIri: string): PrefixMap {
  return sortByKey({ ...VOCABULARIES, [PROJECT_PREFIX]: projectNamespace(baseIri) });
}

/** The data prefixes plus those of the SHACL and OWL/RDFS files. */
export function schemaFilePrefixes(baseIri: string): PrefixMap {
  return sortByKey({ ...dataPrefixes(baseIri), ...SCHEMA_VOCABULARIES });
}

function sortByKey(map: Record<string, string>): PrefixMap {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => compareText(a, b)));
}

export class UnknownPrefixError extends Error {}

const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A CURIE (`eli:cites`) to its IRI; absolute IRIs pass through; an unknown prefix is an error, never a silent IRI. */
export function expandCurie(curie: string, prefixes: PrefixMap): string {
  const colon = curie.indexOf(':');
  const namespace = colon > 0 ? prefixes[curie.slice(0, colon)] : undefined;
  if (namespace !== undefined) return namespace + curie.slice(colon + 1);
  if (ABSOLUTE_IRI.test(curie)) return curie;
  throw new UnknownPrefixError(`"${curie}" uses no known prefix (known: ${Object.keys(prefixes).join(', ')})`);
}

/** An IRI to a CURIE with the longest matching namespace, or undefined. */
export function compactToCurie(iri: string, prefixes: PrefixMap): string | undefined {
  let best: [string, string] | undefined;
  for (const [prefix, namespace] of Object.entries(prefixes)) {
    if (iri.startsWith(namespace) && iri.length > namespace.length && (!best || namespace.length > best[1].length)) {
      best = [prefix, namespace];
    }
  }
  return best && `${best[0]}:${iri.slice(best[1].length)}`;
}
