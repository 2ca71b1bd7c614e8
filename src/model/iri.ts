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

/**
 * Id of a structured object inside a record (a claim, a role, a review
 * arrangement): the record's id, the property's name and, in a list, the
 * object's position from 1, e.g. `person/ada-quill/roles/1`. Never a blank node.
 */
export function objectId(recordId: string, steps: readonly (string | number)[]): string {
  return [recordId, ...steps].join('/');
}
