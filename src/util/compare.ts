/** Comparators for sorting by text the way JavaScript compares strings (UTF-16 code units), never by locale: orders stay reproducible. */

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator of items by a text key. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareText(key(a), key(b));
}

/** A mapping (a plain object), as opposed to a list, a scalar or null. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
