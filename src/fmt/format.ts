/**
 * The canonical layout of a data file. Pure: text in, text out. Only layout
 * changes (key order, scalar style, line folding); the parsed value never does,
 * and comments stay with the key or item they were written next to.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Document, isMap, isPair, isScalar, isSeq, type Node, parseDocument, Scalar, visit } from 'yaml';
import type { KindInfo, ObjectInfo, PropertyInfo, SchemaSet } from '../schema/model.js';

/** Where each key goes, for a mapping and (recursively) for the values under its keys. */
export interface KeyOrder {
  keys: readonly string[];
  children: ReadonlyMap<string, KeyOrder>;
}

/** Output options every data file is written with; one place so editors and `fmt` agree. */
export const LAYOUT = {
  lineWidth: 100,
  minContentWidth: 20,
  indent: 2,
  indentSeq: true,
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
} as const;

/** Parse options identical to the loader's, so the formatter reads what validation reads. */
const PARSE = { strict: true, merge: false, schema: 'core', uniqueKeys: true, keepSourceTokens: false } as const;

const EMPTY_ORDER: KeyOrder = { keys: [], children: new Map() };

function objectOrder(info: ObjectInfo, schemas: SchemaSet, seen: ReadonlySet<string>): KeyOrder {
  const children = new Map<string, KeyOrder>();
  for (const property of info.properties) {
    const child = propertyOrder(property, schemas, seen);
    if (child) children.set(property.name, child);
  }
  // `$schema` is the editor's link to the schema: it leads, like the modeline comment does.
  return { keys: ['$schema', ...info.properties.map((p) => p.name)], children };
}

function propertyOrder(property: PropertyInfo, schemas: SchemaSet, seen: ReadonlySet<string>): KeyOrder | undefined {
  if (property.nested) {
    // Nested kinds may recurse (paragraphs hold paragraphs): build each kind once per branch.
    if (seen.has(property.nested)) return undefined;
    const kind = schemas.byKind.get(property.nested);
    return kind ? kindOrder(kind, schemas, new Set([...seen, property.nested])) : undefined;
  }
  return property.object ? objectOrder(property.object, schemas, seen) : undefined;
}

/** The key order of a kind's records, from the schema's property order. */
export function kindOrder(kind: KindInfo, schemas: SchemaSet, seen: ReadonlySet<string> = new Set([kind.kind])): KeyOrder {
  return objectOrder(kind, schemas, seen);
}

/** The order for a child key; a recursive nested kind falls back to its ancestor's order. */
function childOrder(order: KeyOrder, key: string, ancestors: readonly KeyOrder[]): KeyOrder {
  const direct = order.children.get(key);
  if (direct) return direct;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const found = ancestors[i]?.children.get(key);
    if (found) return found;
  }
  return EMPTY_ORDER;
}

function keyName(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

/** Stable sort of a mapping's pairs: schema keys in schema order, unknown keys after them as written. */
function sortMap(node: Node, order: KeyOrder, ancestors: readonly KeyOrder[]): void {
  if (isSeq(node)) {
    for (const item of node.items) if (item && typeof item === 'object') sortMap(item as Node, order, ancestors);
    return;
  }
  if (!isMap(node)) return;
  const rank = (key: string | undefined) => {
    const index = key === undefined ? -1 : order.keys.indexOf(key);
    return index === -1 ? order.keys.length : index;
  };
  const pairs = node.items.map((pair, position) => ({ pair, position, rank: rank(keyName(pair.key)) }));
  pairs.sort((a, b) => a.rank - b.rank || a.position - b.position);
  // A comment above the first key belongs to the mapping (a modeline, a file header), not to that key.
  const firstKey = node.items[0]?.key;
  const head = isScalar(firstKey) ? firstKey.commentBefore : undefined;
  if (isScalar(firstKey)) firstKey.commentBefore = undefined;
  node.items = pairs.map((p) => p.pair);
  const newFirst = node.items[0]?.key;
  if (head && isScalar(newFirst)) newFirst.commentBefore = newFirst.commentBefore ? `${head}\n${newFirst.commentBefore}` : head;
  for (const pair of node.items) {
    const key = keyName(pair.key);
    if (key !== undefined && pair.value && typeof pair.value === 'object') {
      sortMap(pair.value as Node, childOrder(order, key, ancestors), [...ancestors, order]);
    }
  }
}

/** A word every YAML reader (1.1 and 1.2) takes as a string when unquoted: ids, slugs, codes. */
const PLAIN_WORD = /^[A-Za-z][A-Za-z0-9_./-]*$/;
/** YAML 1.1 reads these as booleans or null; quote them so no reader is surprised. */
const AMBIGUOUS_WORDS = /^(y|n|yes|no|on|off|true|false|null)$/i;

/**
 * One quoting rule: text with a line break is a literal block; ids, slugs and
 * codes are plain; everything else (prose, numbers and dates kept as text) is
 * double-quoted, so colons, quotes and digits inside it never surprise a reader.
 */
function canonicalStyle(scalar: Scalar): Scalar.Type | undefined {
  if (typeof scalar.value !== 'string') return undefined;
  if (scalar.value.includes('\n')) return Scalar.BLOCK_LITERAL;
  if (PLAIN_WORD.test(scalar.value) && !AMBIGUOUS_WORDS.test(scalar.value)) return Scalar.PLAIN;
  return Scalar.QUOTE_DOUBLE;
}

function restyleScalars(document: Document): void {
  visit(document, {
    Scalar(_key, node) {
      node.type = canonicalStyle(node);
      // Number formatting is layout too: write them as YAML reads them (drop `0x`, `+`, trailing zeros).
      if (typeof node.value === 'number') delete node.format;
    },
    // Block style throughout: one item per line, so a pull request's diff shows one change per line.
    Map(_key, node) {
      node.flow = false;
    },
    Seq(_key, node) {
      node.flow = false;
    },
    Pair(_key, pair) {
      // Keys are field names: always plain.
      if (isPair(pair) && isScalar(pair.key)) pair.key.type = Scalar.PLAIN;
    },
  });
}

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

/**
 * Format one data file. Files that do not parse cleanly are left alone (validate
 * reports them); the result is re-read and compared with the input's value, so
 * a layout change that would alter data is refused rather than written.
 */
export function formatYaml(text: string, order: KeyOrder = EMPTY_ORDER): FormatResult {
  const document = parseDocument(text, PARSE);
  if (document.errors.length > 0) return { ok: false, reason: document.errors[0]?.message.split('\n')[0] ?? 'YAML error' };
  const before: unknown = document.toJS({ maxAliasCount: 0 });
  if (document.contents) sortMap(document.contents, order, []);
  restyleScalars(document);
  const formatted = document.toString(LAYOUT);
  const after: unknown = parseDocument(formatted, PARSE).toJS({ maxAliasCount: 0 });
  if (!isDeepStrictEqual(before, after)) return { ok: false, reason: 'formatting would change the parsed value; left as is' };
  return { ok: true, text: formatted, changed: formatted !== text };
}

/** The key order for a data file path, from the kind whose `x-files` claims it. */
export function orderForFile(schemas: SchemaSet, kind: KindInfo | undefined): KeyOrder {
  return kind ? kindOrder(kind, schemas) : EMPTY_ORDER;
}
