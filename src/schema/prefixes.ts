/**
 * Namespaces of the CURIEs used in the schemas' `x-rdf` annotations. `spv:` is
 * the project's own vocabulary, for terms no established vocabulary has.
 */
export const PREFIXES: Readonly<Record<string, string>> = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  eli: 'http://data.europa.eu/eli/ontology#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  org: 'http://www.w3.org/ns/org#',
  owl: 'http://www.w3.org/2002/07/owl#',
  prov: 'http://www.w3.org/ns/prov#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  schema: 'https://schema.org/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  spv: 'https://w3id.org/sg-kr-partnership/vocab#',
  void: 'http://rdfs.org/ns/void#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

export class UnknownPrefixError extends Error {}

/** `dcterms:title` → `http://purl.org/dc/terms/title`; absolute IRIs pass through. */
export function expandCurie(curie: string): string {
  const colon = curie.indexOf(':');
  const prefix = curie.slice(0, colon);
  if (colon > 0 && !curie.slice(colon + 1).startsWith('//')) {
    const namespace = PREFIXES[prefix];
    if (namespace === undefined) throw new UnknownPrefixError(`unknown prefix in "${curie}"`);
    return namespace + curie.slice(colon + 1);
  }
  return curie;
}
