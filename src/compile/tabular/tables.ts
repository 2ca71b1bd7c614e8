/**
 * The release's tables, derived from the schema model: one table per kind of
 * record, a child table per list of structured objects, and a join (list) table
 * per list of values. Lists are never packed into cells.
 */
import { type KindInfo, type PropertyInfo, type RdfAnnotation, type SchemaSet, SchemaModelError } from '../../schema/model.js';
import { singular, snakeCase } from './naming.js';

export type CellType = 'string' | 'integer' | 'number' | 'boolean';

/** Constraints on string cells beyond "any text". */
export type StringFormat = 'date' | 'partial-date' | 'uri';

/** Where a cell's value comes from, relative to the row's frame (see rows.ts). */
export type CellSource =
  /** A field of the frame's object; a longer path reaches into a single nested object (flattened). */
  | { from: 'field'; path: readonly string[] }
  | { from: 'record-id' }
  | { from: 'record-iri' }
  | { from: 'record-kind' }
  /** Position (from 1) in the list walked at this depth on the way to the row. */
  | { from: 'position'; depth: number }
  /** The list item itself, for join tables. */
  | { from: 'item' }
  /** Position (from 1) of a nested record in its parent's list. */
  | { from: 'nested-position' };

export interface Column {
  name: string;
  description: string;
  required: boolean;
  cellType: CellType;
  format?: StringFormat;
  enum?: readonly string[];
  /** Regular expression of every value; published for ids and references (text columns are checked by the schemas). */
  pattern?: string;
  /** The values are ids of records of these kinds; a single kind makes a foreign key. */
  refKinds?: readonly string[];
  /** How the values are published in RDF. */
  rdf?: RdfAnnotation;
  /** Dotted path of the schema property the column publishes, for the data dictionary. */
  property?: string;
  source: CellSource;
}

/**
 * entity: one row per record; child: one row per object of a list of objects;
 * list: one row per value of a list (a join table when the values are ids).
 */
export type TableShape = 'entity' | 'child' | 'list';

/** Rows come from every record of `kind`, walking `steps` (properties) down to the table's list. */
export interface TableOwner {
  kind: string;
  steps: readonly PropertyInfo[];
}

/** A list property left out of the tables because other columns already say it. */
export interface ImpliedList {
  property: string;
  explanation: string;
}

export interface TableSpec {
  name: string;
  /** Path of the CSV file relative to dist/. */
  path: string;
  shape: TableShape;
  description: string;
  /** One owner, or one per kind for a table shared by several kinds (record_sources). */
  owners: readonly TableOwner[];
  columns: readonly Column[];
  primaryKey: readonly string[];
  /** rdf:types of what a row describes (records, or the structured objects of a child table). */
  rdfTypes: readonly string[];
  /** For entity tables: lists that are not tables of their own, and where to find them. */
  implied: readonly ImpliedList[];
}

const DATE_FORMATS: Record<string, StringFormat> = { date: 'date', 'partial-date': 'partial-date', uri: 'uri' };

function cellType(property: PropertyInfo, where: string): CellType {
  if (property.valueType === 'object') throw new SchemaModelError(`${where}: an object cannot be a cell`);
  return property.valueType;
}

function propertyColumn(property: PropertyInfo, path: readonly string[], prefix: string, required: boolean, where: string): Column {
  const column: Column = {
    name: prefix + snakeCase(property.name),
    description: property.description,
    required: required && property.required,
    cellType: cellType(property, where),
    property: [...path, property.name].join('.'),
    source: { from: 'field', path: [...path, property.name] },
  };
  const format = property.format ? DATE_FORMATS[property.format] : property.rdf?.iri ? 'uri' : undefined;
  if (format) column.format = format;
  if (property.enum) column.enum = property.enum;
  if (property.refKinds) column.refKinds = property.refKinds;
  if (property.pattern && (property.refKinds || property.name === 'id')) column.pattern = property.pattern;
  if (property.rdf) column.rdf = property.rdf;
  return column;
}

const iriColumn = (): Column => ({
  name: 'iri',
  description: 'The IRI of the record: the base IRI followed by its id.',
  required: true,
  cellType: 'string',
  format: 'uri',
  source: { from: 'record-iri' },
});

const nestedPositionColumn = (): Column => ({
  name: 'position',
  description: 'Position (from 1) among the records nested in the same parent (part_of).',
  required: true,
  cellType: 'integer',
  source: { from: 'nested-position' },
});

/**
 * The cells of one object: its scalar properties in schema order. A single nested
 * object (e.g. a review arrangement) is flattened into columns prefixed with its name.
 */
function valueColumns(
  properties: readonly PropertyInfo[],
  path: readonly string[],
  prefix: string,
  required: boolean,
  where: string,
): Column[] {
  const columns: Column[] = [];
  for (const property of properties) {
    if (property.array || property.nested) continue;
    if (property.object) {
      const inner = [...path, property.name];
      columns.push(
        ...valueColumns(
          property.object.properties,
          inner,
          `${prefix}${snakeCase(property.name)}_`,
          required && property.required,
          `${where}.${property.name}`,
        ),
      );
      continue;
    }
    columns.push(propertyColumn(property, path, prefix, required, `${where}.${property.name}`));
    if (path.length === 0 && property.name === 'id') columns.push(iriColumn());
    if (property.derived && 'parent' in property.derived) columns.push(nestedPositionColumn());
  }
  return columns;
}

function positionColumn(name: string, depth: number, description: string): Column {
  return { name, description, required: true, cellType: 'integer', source: { from: 'position', depth } };
}

function ownerColumn(kind: KindInfo): Column {
  return {
    name: `${kind.kind}_id`,
    description: `The id of the ${kind.title.toLowerCase() || kind.kind} the row belongs to.`,
    required: true,
    cellType: 'string',
    refKinds: [kind.kind],
    source: { from: 'record-id' },
  };
}

function itemColumn(property: PropertyInfo, keys: readonly Column[], where: string): Column {
  const refKinds = property.refKinds;
  const byKind = refKinds?.length === 1 ? `${refKinds[0]}_id` : undefined;
  const byRole = refKinds ? `${singular(snakeCase(property.name))}_id` : singular(snakeCase(property.name));
  const name = byKind && !keys.some((k) => k.name === byKind) ? byKind : byRole;
  const column = propertyColumn(property, [], '', true, where);
  return { ...column, name, source: { from: 'item' } };
}

interface Walk {
  kind: KindInfo;
  steps: PropertyInfo[];
  keys: Column[];
  /** Number of lists walked so far: the depth of the next position. */
  depth: number;
}

/** Child and list tables below an object's properties, depth first in schema order. */
function listTables(properties: readonly PropertyInfo[], walk: Walk, out: TableSpec[]): void {
  for (const property of properties) {
    const listName = [...walk.steps, property].map((p) => p.name).join('.');
    const where = `${walk.kind.kind}.${listName}`;
    if (property.nested || property.derived) continue;
    if (property.object && !property.array) {
      listTables(property.object.properties, { ...walk, steps: [...walk.steps, property] }, out);
      continue;
    }
    if (!property.array) continue;
    if (!property.table) throw new SchemaModelError(`${where} is a list without an x-table to publish it in`);
    const steps = [...walk.steps, property];
    const owners = [{ kind: walk.kind.kind, steps }];
    const position = positionColumn('position', walk.depth, `Position (from 1) in the list ${listName}.`);
    if (property.object) {
      out.push({
        name: property.table,
        path: `csv/${property.table}.csv`,
        shape: 'child',
        description: `${where} (${property.object.title || property.name}): ${property.description}`,
        owners,
        columns: [...walk.keys, position, ...valueColumns(property.object.properties, [], '', true, where)],
        primaryKey: [...walk.keys, position].map((c) => c.name),
        rdfTypes: property.object.rdfTypes,
        implied: [],
      });
      const ancestor = positionColumn(
        `${singular(snakeCase(property.name))}_position`,
        walk.depth,
        `Position (from 1) in the list ${listName} of the object the row belongs to.`,
      );
      listTables(property.object.properties, { kind: walk.kind, steps, keys: [...walk.keys, ancestor], depth: walk.depth + 1 }, out);
    } else {
      out.push({
        name: property.table,
        path: `csv/${property.table}.csv`,
        shape: 'list',
        description: `${where}: ${property.description}`,
        owners,
        columns: [...walk.keys, itemColumn(property, walk.keys, where), position],
        primaryKey: [...walk.keys, position].map((c) => c.name),
        rdfTypes: [],
        implied: [],
      });
    }
  }
}

function impliedLists(kind: KindInfo, schemas: SchemaSet): ImpliedList[] {
  const implied: ImpliedList[] = [];
  for (const property of kind.properties) {
    if (property.nested) {
      const nested = schemas.byKind.get(property.nested);
      implied.push({
        property: property.name,
        explanation: `the rows of ${nested?.table ?? property.nested} whose part_of is this record's id, ordered by position`,
      });
    } else if (property.derived && 'inverseOf' in property.derived) {
      const { kind: source, property: name } = property.derived.inverseOf;
      const table = schemas.byKind.get(source)?.properties.find((p) => p.name === name)?.table ?? `${source}.${name}`;
      implied.push({ property: property.name, explanation: `derived: the inverse of ${table}` });
    }
  }
  return implied;
}

function entityTable(kind: KindInfo, schemas: SchemaSet): TableSpec {
  return {
    name: kind.table,
    path: `csv/${kind.table}.csv`,
    shape: 'entity',
    description: kind.description,
    owners: [{ kind: kind.kind, steps: [] }],
    columns: valueColumns(kind.properties, [], '', true, kind.kind),
    primaryKey: ['id'],
    rdfTypes: kind.rdfTypes,
    implied: impliedLists(kind, schemas),
  };
}

/**
 * A table several kinds publish into (the shared `sources` list): its owner key
 * becomes `record_id` with a `record_kind` column beside it.
 */
function mergeShared(tables: readonly TableSpec[]): TableSpec {
  const [first] = tables;
  if (!first) throw new SchemaModelError('no table to merge');
  if (tables.length === 1) return first;
  const signature = (t: TableSpec) =>
    t.columns
      .slice(1)
      .map((c) => c.name)
      .join(',');
  const odd = tables.find((t) => t.shape !== 'list' || t.owners[0]?.steps.length !== 1 || signature(t) !== signature(first));
  if (odd) throw new SchemaModelError(`table ${first.name} is used by several kinds with different columns`);
  const kinds = tables.flatMap((t) => t.owners.map((o) => o.kind));
  const recordId: Column = {
    name: 'record_id',
    description: 'The id of the record the row belongs to (of the kind in record_kind).',
    required: true,
    cellType: 'string',
    refKinds: kinds,
    source: { from: 'record-id' },
  };
  const recordKind: Column = {
    name: 'record_kind',
    description: 'The kind of the record the row belongs to.',
    required: true,
    cellType: 'string',
    enum: kinds,
    source: { from: 'record-kind' },
  };
  const list = first.owners[0]?.steps.at(-1);
  return {
    ...first,
    description: `Every record's ${list?.name ?? first.name}: ${list?.description ?? ''}`,
    owners: tables.flatMap((t) => t.owners),
    columns: [recordId, recordKind, ...first.columns.slice(1)],
    primaryKey: ['record_id', ...first.primaryKey.slice(1)],
  };
}

function checkUnique(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new SchemaModelError(`${what}: "${name}" is used twice`);
    seen.add(name);
  }
}

/** Every table of the release: the kinds' tables (alphabetical by kind), then the other tables by name. Pure. */
export function tableSpecs(schemas: SchemaSet): TableSpec[] {
  const entities = schemas.kinds.map((kind) => entityTable(kind, schemas));
  const lists: TableSpec[] = [];
  for (const kind of schemas.kinds) {
    listTables(kind.properties, { kind, steps: [], keys: [ownerColumn(kind)], depth: 0 }, lists);
  }
  const byName = new Map<string, TableSpec[]>();
  for (const table of lists) byName.set(table.name, [...(byName.get(table.name) ?? []), table]);
  const others = [...byName.keys()].sort().map((name) => mergeShared(byName.get(name) ?? []));
  const tables = [...entities, ...others];
  checkUnique(
    tables.map((t) => t.name),
    'table names',
  );
  for (const table of tables)
    checkUnique(
      table.columns.map((c) => c.name),
      `columns of ${table.name}`,
    );
  return tables;
}
