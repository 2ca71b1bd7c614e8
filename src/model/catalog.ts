import type { KindInfo, PropertyInfo, SchemaSet } from '../schema/model.js';
import { joinPointer } from '../load/locate.js';
import { isMapping } from '../util/compare.js';

/** Where a record was written: its file and the JSON Pointer of its mapping in that file. */
export interface RecordOrigin {
  file: string;
  pointer: string;
}

export type Fields = Record<string, unknown>;

/** One resolved record: nested records are replaced by their ids, inherited and derived fields filled in. */
export interface EntityRecord {
  id: string;
  kind: string;
  fields: Fields;
  origin: RecordOrigin;
  /** The record it is nested in, for nested records. */
  parent?: string;
  /** Field names written in the YAML (as opposed to inherited or derived). */
  written: string[];
}

/** Every record of the dataset, in document order (files by path, nested records in place). */
export interface Catalog {
  records: EntityRecord[];
  /** First record of each id (duplicates are reported by the unique-ids check). */
  byId: Map<string, EntityRecord>;
  byKind: Map<string, EntityRecord[]>;
}

/** A file's value with the kind its path says it holds. */
export interface ClassifiedValue {
  file: string;
  kind: KindInfo;
  value: unknown;
}

function extract(
  kind: KindInfo,
  value: Fields,
  origin: RecordOrigin,
  parent: EntityRecord | undefined,
  schemas: SchemaSet,
  out: EntityRecord[],
): void {
  const { $schema: _ignored, ...fields } = value;
  const record: EntityRecord = {
    id: typeof fields.id === 'string' ? fields.id : '',
    kind: kind.kind,
    fields,
    origin,
    written: Object.keys(fields),
  };
  if (parent) {
    record.parent = parent.id;
    for (const property of kind.properties) {
      if (property.derived && 'parent' in property.derived) fields[property.name] = parent.id;
      else if (property.inherit && fields[property.name] === undefined && parent.fields[property.name] !== undefined) {
        fields[property.name] = parent.fields[property.name];
      }
    }
  }
  out.push(record);
  for (const property of kind.properties) {
    const nestedKind = property.nested ? schemas.byKind.get(property.nested) : undefined;
    const items = fields[property.name];
    if (!nestedKind || !Array.isArray(items)) continue;
    const ids: string[] = [];
    items.forEach((item, index) => {
      if (!isMapping(item)) return;
      const childOrigin = { file: origin.file, pointer: joinPointer(origin.pointer, property.name, index) };
      extract(nestedKind, item, childOrigin, record, schemas, out);
      if (typeof item.id === 'string') ids.push(item.id);
    });
    fields[property.name] = ids;
  }
}

function fillInverses(byKind: Map<string, EntityRecord[]>, schemas: SchemaSet): void {
  for (const kind of schemas.kinds) {
    for (const property of kind.properties) {
      const derived = property.derived;
      if (!derived || !('inverseOf' in derived)) continue;
      // A Set per target (insertion-ordered): a much-cited record stays linear, not quadratic.
      const citing = new Map<string, Set<string>>();
      for (const source of byKind.get(derived.inverseOf.kind) ?? []) {
        const targets = source.fields[derived.inverseOf.property];
        for (const target of Array.isArray(targets) ? targets : [targets]) {
          if (typeof target !== 'string') continue;
          const set = citing.get(target) ?? new Set<string>();
          set.add(source.id);
          citing.set(target, set);
        }
      }
      for (const record of byKind.get(kind.kind) ?? []) {
        const ids = citing.get(record.id);
        if (ids) record.fields[property.name] = [...ids];
        else delete record.fields[property.name];
      }
    }
  }
}

/** ParsedFile values to the Catalog. Pure; tolerant of invalid values (the checks report them). */
export function linkCatalog(values: readonly ClassifiedValue[], schemas: SchemaSet): Catalog {
  const records: EntityRecord[] = [];
  // No copy of the values first: extract copies each record's own fields before changing them, and
  // shares only the nested values, which it never changes (a deep copy cost 0.2 s at scale 100).
  for (const { file, kind, value } of values) {
    if (isMapping(value)) extract(kind, value, { file, pointer: '' }, undefined, schemas, records);
  }
  const byId = new Map<string, EntityRecord>();
  const byKind = new Map<string, EntityRecord[]>();
  for (const record of records) {
    if (record.id && !byId.has(record.id)) byId.set(record.id, record);
    const list = byKind.get(record.kind) ?? [];
    list.push(record);
    byKind.set(record.kind, list);
  }
  fillInverses(byKind, schemas);
  return { records, byId, byKind };
}

export function recordsOf(catalog: Catalog, kind: string): EntityRecord[] {
  return catalog.byKind.get(kind) ?? [];
}

export function propertyValues(record: EntityRecord, property: PropertyInfo): unknown[] {
  const value = record.fields[property.name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
