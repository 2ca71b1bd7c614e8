/**
 * Entity IRIs: the base IRI plus the record's id. Ids are lowercase ASCII paths
 * chosen to be IRI-safe, unversioned, and never changed once published.
 */
export function entityIri(baseIri: string, id: string): string {
  return baseIri + id;
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

/**
 * Why a base IRI cannot serve, or undefined when it can: entity IRIs are the base plus
 * an id, so it must be an absolute http(s) IRI ending in "/" (as the dataset schema
 * requires of `baseIri`), with no query or fragment for the id to land in.
 */
export function baseIriProblem(baseIri: string): string | undefined {
  // URL() would quietly percent-encode these; N-Quads and Turtle cannot hold them in an IRI at all (RFC 3987).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters an IRI may not hold.
  const forbidden = /[\u0000-\u0020<>"{}|\\^`\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.exec(baseIri);
  if (forbidden) {
    const code = forbidden[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    return `has a character an IRI may not hold at position ${forbidden.index + 1} (U+${code}${forbidden[0] > ' ' && forbidden[0] < '\u007f' ? ` "${forbidden[0]}"` : ''})`;
  }
  let url: URL;
  try {
    url = new URL(baseIri);
  } catch {
    return 'is not an absolute IRI';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.search !== '' || url.hash !== '' || baseIri.includes('?') || baseIri.includes('#')) return 'must not have a query or fragment';
  if (!baseIri.endsWith('/')) return `must end with "/" (entity IRIs are the base plus the id: try ${baseIri}/)`;
  return undefined;
}
