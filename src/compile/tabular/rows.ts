import type { Catalog, EntityRecord } from '../../model/catalog.js';
import { entityIri } from '../../model/iri.js';
import type { CellSource, TableOwner, TableSpec } from './tables.js';
import { isMapping } from '../../util/compare.js';

/** A cell before it is written as text: undefined is an empty (null) cell. */
export type Cell = string | number | boolean | undefined;

/** Where a row is taken from: the record, the positions in the lists walked, and the object or value reached. */
interface Frame {
  record: EntityRecord;
  positions: number[];
  value: unknown;
}

function framesOf(record: EntityRecord, owner: TableOwner): Frame[] {
  let frames: Frame[] = [{ record, positions: [], value: record.fields }];
  for (const step of owner.steps) {
    frames = frames.flatMap((frame) => {
      const value = isMapping(frame.value) ? frame.value[step.name] : undefined;
      if (!step.array) return value === undefined ? [] : [{ ...frame, value }];
      if (!Array.isArray(value)) return [];
      return value.map((item, index) => ({ record, positions: [...frame.positions, index + 1], value: item }));
    });
  }
  return frames;
}

function fieldAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const name of path) current = isMapping(current) ? current[name] : undefined;
  return current;
}

/** Position of a nested record in its parent's list of nested ids. */
function nestedPosition(record: EntityRecord, catalog: Catalog): number | undefined {
  const parent = record.parent === undefined ? undefined : catalog.byId.get(record.parent);
  if (!parent) return undefined;
  for (const list of Object.values(parent.fields)) {
    const index = Array.isArray(list) ? list.indexOf(record.id) : -1;
    if (index >= 0) return index + 1;
  }
  return undefined;
}

function asCell(value: unknown): Cell {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

function cell(source: CellSource, frame: Frame, catalog: Catalog, baseIri: string): Cell {
  switch (source.from) {
    case 'field':
      return asCell(fieldAt(frame.value, source.path));
    case 'record-id':
      return frame.record.id;
    case 'record-iri':
      return entityIri(baseIri, frame.record.id);
    case 'record-kind':
      return frame.record.kind;
    case 'position':
      return frame.positions[source.depth];
    case 'item':
      return asCell(frame.value);
    case 'nested-position':
      return nestedPosition(frame.record, catalog);
  }
}

/** The rows of one table, records in document order. Pure. */
export function tableRows(spec: TableSpec, catalog: Catalog, baseIri: string): Cell[][] {
  const rows: Cell[][] = [];
  for (const record of catalog.records) {
    for (const owner of spec.owners) {
      if (owner.kind !== record.kind) continue;
      for (const frame of framesOf(record, owner)) {
        rows.push(spec.columns.map((column) => cell(column.source, frame, catalog, baseIri)));
      }
    }
  }
  return rows;
}
