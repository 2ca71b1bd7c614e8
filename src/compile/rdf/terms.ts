/**
 * The JSON-LD context, derived from the schema model: one term per predicate and
 * per way its values are written (an IRI, a text in a language, a typed literal,
 * or as-is). A schema property published under two predicates (mirrored terms)
 * uses two terms, so every property maps to a term and nothing is dropped.
 */
import type { ObjectInfo, PropertyInfo, SchemaSet } from '../../schema/model.js';
import { rdfProperties, SchemaModelError } from '../../schema/model.js';
import { dataPrefixes } from './prefixes.js';
import { compareText, byText } from '../../util/compare.js';

/**
 * How a property's values become RDF terms.
 * - iri: references, nested records, structured objects, IRIs and codes (iriPrefix + value);
 * - lang: text in a language;
 * - datatype: a literal of a fixed datatype (CURIE), written as a JSON string;
 * - partial-date: `xsd:gYear`, `xsd:gYearMonth` or `xsd:date` by the value's precision;
 * - native: JSON booleans and integers (`xsd:boolean`, `xsd:integer`);
 * - plain: a string (`xsd:string`).
 */
export type ValueShape =
  | { shape: 'iri' }
  | { shape: 'lang'; lang: string }
  | { shape: 'datatype'; datatype: string }
  | { shape: 'partial-date' }
  | { shape: 'native'; datatype: string }
  | { shape: 'plain' };

/** The predicates a property is published under; none would drop its values silently, so that is a schema error. */
export function rdfPredicates(property: PropertyInfo, where: string): string[] {
  const predicates = property.rdf?.predicates ?? [];
  if (predicates.length === 0) throw new SchemaModelError(`${where}.${property.name} has no x-rdf predicate: it would be dropped`);
  return predicates;
}

export function valueShape(property: PropertyInfo): ValueShape {
  const rdf = property.rdf;
  if (property.refKinds || property.nested || property.object || rdf?.iri || rdf?.iriPrefix || rdf?.languageAuthority)
    return { shape: 'iri' };
  if (rdf?.datatype) return { shape: 'datatype', datatype: rdf.datatype };
  switch (property.valueType) {
    case 'boolean':
      return { shape: 'native', datatype: 'xsd:boolean' };
    case 'integer':
      return { shape: 'native', datatype: 'xsd:integer' };
    case 'number':
      return { shape: 'datatype', datatype: 'xsd:decimal' };
    default:
      break;
  }
  if (property.format === 'partial-date') return { shape: 'partial-date' };
  if (property.format === 'date') return { shape: 'datatype', datatype: 'xsd:date' };
  if (rdf?.lang) return { shape: 'lang', lang: rdf.lang };
  return { shape: 'plain' };
}

/** The coercion a term definition carries; shapes written as value objects or native JSON need none. */
function coercion(shape: ValueShape): Record<string, string> {
  if (shape.shape === 'iri') return { '@type': '@id' };
  if (shape.shape === 'lang') return { '@language': shape.lang };
  if (shape.shape === 'datatype') return { '@type': shape.datatype };
  return {};
}

function coercionKey(shape: ValueShape): string {
  return JSON.stringify(coercion(shape));
}

/** A term of the context: its name, the predicate (CURIE) and the coercion of its values. */
export interface ContextTerm {
  name: string;
  predicate: string;
  definition: Record<string, string>;
}

/** Every (predicate, shape) the model publishes, with the properties that use it, in schema order. */
function usages(schemas: SchemaSet): Map<string, Map<string, PropertyInfo[]>> {
  const byPredicate = new Map<string, Map<string, PropertyInfo[]>>();
  const visit = (object: ObjectInfo, where: string) => {
    for (const property of rdfProperties(object)) {
      for (const predicate of rdfPredicates(property, where)) {
        const byShape = byPredicate.get(predicate) ?? new Map<string, PropertyInfo[]>();
        const key = coercionKey(valueShape(property));
        byShape.set(key, [...(byShape.get(key) ?? []), property]);
        byPredicate.set(predicate, byShape);
      }
      if (property.object) visit(property.object, `${where}.${property.name}`);
    }
  };
  for (const kind of schemas.kinds) visit(kind, kind.kind);
  return byPredicate;
}

const COERCION_SUFFIX: Readonly<Record<string, string>> = { '@id': 'iri', '@language': 'text' };

/**
 * Term names: the predicate's CURIE (a JSON-LD term may be the compact IRI it
 * expands to), so compacted documents read like the vocabularies. A predicate
 * used with several coercions keeps the CURIE for its most used one; the others
 * are named `prefix_local_<iri|text|plain|datatype>` (a term that looks like a
 * CURIE must expand to that CURIE, so they cannot keep the colon).
 */
export function contextTerms(schemas: SchemaSet): ContextTerm[] {
  const terms: ContextTerm[] = [];
  for (const [predicate, byShape] of usages(schemas)) {
    const ranked = [...byShape.entries()].sort(([ka, a], [kb, b]) => b.length - a.length || compareText(ka, kb));
    ranked.forEach(([key], index) => {
      const definition = JSON.parse(key) as Record<string, string>;
      const [kind = '', value = ''] = Object.entries(definition)[0] ?? [];
      const suffix = COERCION_SUFFIX[kind] ?? COERCION_SUFFIX[value] ?? (value ? value.replace(/^[^:]*:/, '') : 'plain');
      const name = index === 0 ? predicate : `${predicate.replace(':', '_')}_${suffix}`;
      terms.push({ name, predicate, definition: { '@id': predicate, ...definition } });
    });
  }
  terms.sort(byText((t) => t.name));
  const names = new Set<string>();
  for (const term of terms) {
    if (names.has(term.name)) throw new SchemaModelError(`two context terms are named "${term.name}"`);
    names.add(term.name);
  }
  return terms;
}

/** Looks up the term a property's values are written under for one of its predicates. */
export interface TermIndex {
  termFor(predicate: string, property: PropertyInfo): string;
}

export function termIndex(terms: readonly ContextTerm[]): TermIndex {
  const byKey = new Map(terms.map((t) => [`${t.predicate} ${JSON.stringify(termCoercion(t))}`, t.name]));
  return {
    termFor(predicate, property) {
      const name = byKey.get(`${predicate} ${coercionKey(valueShape(property))}`);
      if (!name) throw new SchemaModelError(`no context term for ${predicate} of ${property.name}`);
      return name;
    },
  };
}

function termCoercion(term: ContextTerm): Record<string, string> {
  const { '@id': _id, ...rest } = term.definition;
  return rest;
}

export type JsonLdContext = Record<string, string | Record<string, string>>;

/** The project's JSON-LD context: the prefixes, then the terms. Pure. */
export function jsonldContext(schemas: SchemaSet, baseIri: string, terms: readonly ContextTerm[] = contextTerms(schemas)): JsonLdContext {
  const context: JsonLdContext = { ...dataPrefixes(baseIri) };
  for (const term of terms) context[term.name] = term.definition;
  return context;
}

/** The prefixes of each context (its string entries), found once: every entity document starts with them. */
const prefixesOf = new WeakMap<JsonLdContext, JsonLdContext>();

/**
 * The context cut down to the prefixes and the terms a document uses, for small
 * per-entity documents, in the context's own order (prefixes, then terms by name).
 */
export function contextFor(context: JsonLdContext, usedTerms: ReadonlySet<string>): JsonLdContext {
  let prefixes = prefixesOf.get(context);
  if (!prefixes) {
    prefixes = Object.fromEntries(Object.entries(context).filter(([, value]) => typeof value === 'string'));
    prefixesOf.set(context, prefixes);
  }
  const cut: JsonLdContext = { ...prefixes };
  for (const name of [...usedTerms].sort()) {
    const definition = context[name];
    if (definition !== undefined && typeof definition !== 'string') cut[name] = definition;
  }
  return cut;
}
