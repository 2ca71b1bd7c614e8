/**
 * An independent reader of the CSV release: parses the tables with csv-parse and
 * rebuilds every record (fields, lists, nested objects, nesting, derived inverses)
 * from the table model alone, to prove the CSVs lose nothing.
 */
import { parse } from 'csv-parse/sync';
import type { Fields } from '../../src/model/catalog.js';
import type { SchemaSet } from '../../src/schema/model.js';
import { unescapeFormula } from '../../src/compile/tabular/csv.js';
import type { Column, TableSpec } from '../../src/compile/tabular/tables.js';

export interface ReadRecord {
  kind: string;
  fields: Fields;
}

type Row = Record<string, string>;

export function parseCsv(text: string): { header: string[]; rows: Row[] } {
  const header = (parse(text, { to_line: 1 }) as string[][])[0] ?? [];
  const rows = parse(text, { columns: true, record_delimiter: '\r\n' }) as Row[];
  return { header, rows };
}

function decode(text: string | undefined, column: Column): unknown {
  if (text === undefined || text === '') return undefined;
  switch (column.cellType) {
    case 'integer':
    case 'number':
      return Number(text);
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw new Error(`${column.name}: not a boolean: ${text}`);
      return text === 'true';
    case 'string':
      return unescapeFormula(text);
  }
}

function objectAt(holder: Fields, name: string): Fields {
  const existing = holder[name];
  if (existing && typeof existing === 'object' && !Array.isArray(existing)) return existing as Fields;
  const created: Fields = {};
  holder[name] = created;
  return created;
}

function listAt(holder: Fields, name: string): unknown[] {
  const existing = holder[name];
  if (Array.isArray(existing)) return existing;
  const created: unknown[] = [];
  holder[name] = created;
  return created;
}

function setPath(target: Fields, path: readonly string[], value: unknown): void {
  if (value === undefined) return;
  let holder = target;
  for (const name of path.slice(0, -1)) holder = objectAt(holder, name);
  holder[path.at(-1) ?? ''] = value;
}

function positionAt(row: Row, table: TableSpec, depth: number): number {
  const column = table.columns.find((c) => c.source.from === 'position' && c.source.depth === depth);
  return Number(row[column?.name ?? '']);
}

export function readTables(tables: readonly TableSpec[], files: ReadonlyMap<string, string>, schemas: SchemaSet): Map<string, ReadRecord> {
  const records = new Map<string, ReadRecord>();
  const nestedPositions = new Map<string, number>();
  const rowsOf = (table: TableSpec) => {
    const text = files.get(table.path);
    if (text === undefined) throw new Error(`missing ${table.path}`);
    const { header, rows } = parseCsv(text);
    if (header.join(',') !== table.columns.map((c) => c.name).join(',')) throw new Error(`${table.path}: header ${header.join(',')}`);
    return rows;
  };
  for (const table of tables.filter((t) => t.shape === 'entity')) {
    const kind = table.owners[0]?.kind ?? '';
    for (const row of rowsOf(table)) {
      const fields: Fields = {};
      for (const column of table.columns) {
        const value = decode(row[column.name], column);
        if (column.source.from === 'field') setPath(fields, column.source.path, value);
        if (column.source.from === 'nested-position') nestedPositions.set(String(row.id), Number(value));
      }
      records.set(String(fields.id), { kind, fields });
    }
  }
  for (const table of tables.filter((t) => t.shape !== 'entity')) {
    const ownerColumn = table.columns.find((c) => c.source.from === 'record-id');
    for (const row of rowsOf(table)) {
      const record = records.get(row[ownerColumn?.name ?? ''] ?? '');
      const owner = table.owners.find((o) => o.kind === record?.kind);
      if (!record || !owner) throw new Error(`${table.path}: row of an unknown record ${JSON.stringify(row)}`);
      let holder: Fields = record.fields;
      let depth = 0;
      owner.steps.forEach((step, i) => {
        const last = i === owner.steps.length - 1;
        if (!step.array) {
          holder = objectAt(holder, step.name);
          return;
        }
        const list = listAt(holder, step.name);
        const index = positionAt(row, table, depth++) - 1;
        if (last && table.shape === 'list') {
          list[index] = decode(
            row[table.columns.find((c) => c.source.from === 'item')?.name ?? ''],
            table.columns.find((c) => c.source.from === 'item')!,
          );
          return;
        }
        const item = (list[index] ??= {}) as Fields;
        if (last)
          for (const column of table.columns)
            if (column.source.from === 'field') setPath(item, column.source.path, decode(row[column.name], column));
        holder = item;
      });
    }
  }
  rebuildNesting(records, nestedPositions, schemas);
  rebuildInverses(records, schemas);
  return records;
}

/** Nested lists (a section's paragraphs) from each nested record's part_of and position. */
function rebuildNesting(records: Map<string, ReadRecord>, positions: ReadonlyMap<string, number>, schemas: SchemaSet): void {
  for (const [id, record] of records) {
    const parentProperty = schemas.byKind.get(record.kind)?.properties.find((p) => p.derived && 'parent' in p.derived);
    const parent = parentProperty ? records.get(String(record.fields[parentProperty.name])) : undefined;
    const list = parent && schemas.byKind.get(parent.kind)?.properties.find((p) => p.nested === record.kind);
    if (!parent || !list) continue;
    listAt(parent.fields, list.name)[(positions.get(id) ?? 0) - 1] = id;
  }
}

/** Derived inverse lists (an agreement's citedBy), as the catalog derives them. */
function rebuildInverses(records: Map<string, ReadRecord>, schemas: SchemaSet): void {
  for (const kind of schemas.kinds) {
    for (const property of kind.properties) {
      if (!property.derived || !('inverseOf' in property.derived)) continue;
      const { kind: sourceKind, property: sourceProperty } = property.derived.inverseOf;
      for (const [id, source] of records) {
        if (source.kind !== sourceKind) continue;
        const targets = source.fields[sourceProperty];
        for (const target of Array.isArray(targets) ? targets : [targets]) {
          const cited = records.get(String(target));
          if (cited?.kind !== kind.kind) continue;
          const list = listAt(cited.fields, property.name);
          if (!list.includes(id)) list.push(id);
        }
      }
    }
  }
}
