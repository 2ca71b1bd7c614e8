/**
 * Entity IRIs: the base IRI plus the record's id. Ids are lowercase ASCII paths
 * chosen to be IRI-safe, unversioned, and never changed once published.
 */
export function entityIri(baseIri: string, id: string): string {
  return baseIri + id;
}

/** The id of an entity IRI under the base, or undefined for IRIs outside it. */
export function idFromIri(baseIri: string, iri: string): string | undefined {
  return iri.startsWith(baseIri) ? iri.slice(baseIri.length) : undefined;
}
