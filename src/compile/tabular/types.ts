/** Regular expressions the metadata files give for constrained text cells. */

/** YYYY, YYYY-MM or YYYY-MM-DD, unanchored (XML Schema regexes, as Table Schema uses, are anchored implicitly). */
export const PARTIAL_DATE_PATTERN = '[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?';

/** An ECMAScript regex that must match the whole value, as CSVW applies it. */
export function anchored(pattern: string): string {
  return `^(${pattern})$`;
}

/** A JSON Schema pattern without its `^` and `$`, for Table Schema's implicitly anchored patterns. */
export function unanchored(pattern: string): string {
  return pattern.replace(/^\^/, '').replace(/\$$/, '');
}

/** One of the given values, literally. */
export function enumPattern(values: readonly string[]): string {
  return values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
