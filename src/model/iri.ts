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
 * The IRI of a structured object held by a record (or by another object): the
 * holder's IRI with a fragment of the property's name and, in a list, its
 * position from 1 (`…/person/x#roles-1`); deeper objects extend the fragment
 * (`…#announced-1-review`). Structured objects are never blank nodes. The CSVW
 * templates apply the same rule with `{position}` variables in place of numbers.
 */
export function objectIri(holder: string, property: string, position?: number | string): string {
  const segment = position === undefined ? property : `${property}-${position}`;
  return holder.includes('#') ? `${holder}-${segment}` : `${holder}#${segment}`;
}
