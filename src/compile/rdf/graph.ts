/**
 * The linked data as a model: each record of the catalog described as a node
 * with its IRI, its classes and its statements, read straight from the records
 * and the schema model. The JSON-LD, N-Quads and Turtle are serialisations of
 * these nodes, so they describe one graph.
 */
import type { Catalog, EntityRecord, Fields } from '../../model/catalog.js';
import { decimalLexical } from '../../model/decimal.js';
import { entityIri, objectIri } from '../../model/iri.js';
import type { ObjectInfo, PropertyInfo, SchemaSet } from '../../schema/model.js';
import { kindOrThrow, rdfProperties } from '../../schema/model.js';
import { languageIri } from './languages.js';
import { dataPrefixes, expandCurie, type PrefixMap } from './prefixes.js';
import { rdfPredicates, type ValueShape, valueShape } from './terms.js';
import { isMapping } from '../../util/compare.js';

/** A literal: its lexical form with a language or a datatype IRI (xsd:string when neither). */
export interface RdfLiteral {
  kind: 'literal';
  value: string;
  lang?: string;
  datatype?: string;
  /** The JSON value, for native JSON-LD values (booleans, integers). */
  native?: boolean | number;
}

export interface RdfIri {
  kind: 'iri';
  iri: string;
}

/** A structured object described inside its holder's statement. */
export interface RdfEmbedded {
  kind: 'node';
  node: RdfNode;
}

export type RdfValue = RdfLiteral | RdfIri | RdfEmbedded;

export interface RdfStatement {
  /** CURIE of the predicate, as the schema annotates it. */
  predicate: string;
  property: PropertyInfo;
  values: RdfValue[];
}

export interface RdfNode {
  iri: string;
  /** Class CURIEs, in schema order (conditional types after). */
  types: string[];
  statements: RdfStatement[];
  /** For record nodes: the record's id. */
  id?: string;
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';

const PARTIAL_DATE_TYPES: Readonly<Record<number, string>> = { 4: 'gYear', 7: 'gYearMonth', 10: 'date' };

/** An xsd:decimal lexical form (no exponent, -0 as 0) for a JSON number: shared with the CSVs, so the two agree. */
export { decimalLexical } from '../../model/decimal.js';

interface Describer {
  baseIri: string;
  prefixes: PrefixMap;
  /** The fragment of the agent a referenced record acts through (`x-rdf-agent`), if its kind has one. */
  agentOf: (id: string) => string | undefined;
}

/** Which records act through an agent, by id, for the references that point at it. */
function agentLookup(catalog: Catalog | undefined, schemas: SchemaSet): (id: string) => string | undefined {
  if (!catalog) return () => undefined;
  return (id) => {
    const record = catalog.byId.get(id);
    return record ? schemas.byKind.get(record.kind)?.agent?.fragment : undefined;
  };
}

function literal(value: unknown, shape: ValueShape, prefixes: PrefixMap, where: string): RdfLiteral {
  if (shape.shape === 'native') {
    if (typeof value !== 'boolean' && typeof value !== 'number') throw new Error(`${where}: expected a ${shape.datatype}`);
    return { kind: 'literal', value: String(value), datatype: expandCurie(shape.datatype, prefixes), native: value };
  }
  if (shape.shape === 'datatype' && typeof value === 'number') {
    return { kind: 'literal', value: decimalLexical(value), datatype: expandCurie(shape.datatype, prefixes) };
  }
  if (typeof value !== 'string') throw new Error(`${where}: expected text, got ${JSON.stringify(value)}`);
  switch (shape.shape) {
    case 'lang':
      return { kind: 'literal', value, lang: shape.lang };
    case 'datatype':
      return { kind: 'literal', value, datatype: expandCurie(shape.datatype, prefixes) };
    case 'partial-date': {
      const type = PARTIAL_DATE_TYPES[value.length];
      if (!type) throw new Error(`${where}: "${value}" is not a partial date`);
      return { kind: 'literal', value, datatype: XSD + type };
    }
    default:
      return { kind: 'literal', value };
  }
}

function iriValue(property: PropertyInfo, value: unknown, describer: Describer, where: string): RdfIri {
  if (typeof value !== 'string') throw new Error(`${where}: expected an id or IRI, got ${JSON.stringify(value)}`);
  const prefix = property.rdf?.iriPrefix;
  if (prefix) return { kind: 'iri', iri: expandCurie(prefix, describer.prefixes) + value };
  if (property.rdf?.iri) return { kind: 'iri', iri: value };
  if (property.rdf?.languageAuthority) return { kind: 'iri', iri: languageIri(value) };
  const agent = property.rdf?.agent ? describer.agentOf(value) : undefined;
  if (agent) return { kind: 'iri', iri: objectIri(entityIri(describer.baseIri, value), agent) };
  return { kind: 'iri', iri: entityIri(describer.baseIri, value) };
}

/** Classes a value adds to its holder (e.g. a binding agreement is also an eli:LegalResource). */
function conditionalTypes(property: PropertyInfo, values: readonly unknown[]): string[] {
  const typesWhen = property.rdf?.typesWhen;
  if (!typesWhen) return [];
  return values.flatMap((value) => [...(typesWhen[String(value)] ?? []), ...(typesWhen['*'] ?? [])]);
}

/**
 * The values a predicate may carry on this node: a predicate whose official range is
 * `xsd:date` takes full dates only, one whose domain is a class only on holders of it.
 */
function allowedValues(
  property: PropertyInfo,
  predicate: string,
  values: RdfValue[],
  types: readonly string[],
  prefixes: PrefixMap,
): RdfValue[] {
  const condition = property.rdf?.only?.[predicate];
  if (!condition) return values;
  if (condition.holderType && !types.includes(condition.holderType)) return [];
  if (!condition.fullDate) return values;
  const date = expandCurie('xsd:date', prefixes);
  return values.filter((value) => value.kind === 'literal' && value.datatype === date);
}

function describeObject(iri: string, info: ObjectInfo, fields: Fields, describer: Describer, where: string): RdfNode {
  const node: RdfNode = { iri, types: [...info.rdfTypes], statements: [] };
  for (const property of rdfProperties(info)) {
    // An agent (x-rdf-agent) is described from its holder's own fields.
    const raw = property.agentOf ? fields : fields[property.name];
    if (raw === undefined) continue;
    const items = Array.isArray(raw) ? raw : [raw];
    const at = `${where}.${property.name}`;
    const values: RdfValue[] = items.map((item, index) => {
      if (property.object) {
        if (!isMapping(item)) throw new Error(`${at}: expected an object`);
        const childIri = property.array ? objectIri(iri, property.name, index + 1) : objectIri(iri, property.name);
        return { kind: 'node', node: describeObject(childIri, property.object, item, describer, at) };
      }
      const shape = valueShape(property);
      return shape.shape === 'iri' ? iriValue(property, item, describer, at) : literal(item, shape, describer.prefixes, at);
    });
    for (const type of conditionalTypes(property, items)) if (!node.types.includes(type)) node.types.push(type);
    for (const predicate of rdfPredicates(property, where)) node.statements.push({ predicate, property, values });
  }
  // Conditions on the holder's classes are read once every property has added its classes.
  node.statements = node.statements
    .map((statement) => ({
      ...statement,
      values: allowedValues(statement.property, statement.predicate, statement.values, node.types, describer.prefixes),
    }))
    .filter((statement) => statement.values.length > 0);
  return node;
}

/** A record as a node; `catalog` resolves references to records that act through an agent (x-rdf-agent). */
export function describeRecord(
  record: EntityRecord,
  schemas: SchemaSet,
  baseIri: string,
  prefixes: PrefixMap = dataPrefixes(baseIri),
  catalog?: Catalog,
): RdfNode {
  const kind = kindOrThrow(schemas, record.kind);
  const node = describeObject(
    entityIri(baseIri, record.id),
    kind,
    record.fields,
    { baseIri, prefixes, agentOf: agentLookup(catalog, schemas) },
    record.id,
  );
  return { ...node, id: record.id };
}

/** Every record with an id, in the catalog's (document) order. Pure. */
export function describeCatalog(catalog: Catalog, schemas: SchemaSet, baseIri: string): RdfNode[] {
  const prefixes = dataPrefixes(baseIri);
  return catalog.records.filter((r) => r.id !== '').map((record) => describeRecord(record, schemas, baseIri, prefixes, catalog));
}

/**
 * The resources outside the records that the graph names and types (x-rdf
 * `objectTypes`: a licence, a language, a theme), one node each with its classes,
 * so that the ranges of the predicates naming them hold in the graph itself. Sorted by IRI.
 */
export function typedObjects(nodes: readonly RdfNode[]): RdfNode[] {
  const found = new Map<string, RdfNode>();
  const visit = (node: RdfNode) => {
    for (const statement of node.statements) {
      const types = statement.property.rdf?.objectTypes ?? [];
      for (const value of statement.values) {
        if (value.kind === 'node') visit(value.node);
        if (value.kind !== 'iri' || types.length === 0) continue;
        const known = found.get(value.iri) ?? { iri: value.iri, types: [], statements: [] };
        for (const type of types) if (!known.types.includes(type)) known.types.push(type);
        found.set(value.iri, known);
      }
    }
  };
  for (const node of nodes) visit(node);
  return [...found.values()].sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
}
