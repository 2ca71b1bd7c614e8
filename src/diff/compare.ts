/**
 * A semantic change report between two versions of the data: records added,
 * removed, renamed (a new id for the same record) and changed, with field-level
 * changes. Pure: two lists of records in, a report out.
 */
import type { Fields } from '../model/catalog.js';
import type { SchemaSet } from '../schema/model.js';
import { compareText, isMapping } from '../util/compare.js';

export interface VersionRecord {
  id: string;
  kind: string;
  fields: Fields;
}

export interface Version {
  /** How the version was named on the command line (a folder or a git ref). */
  label: string;
  records: VersionRecord[];
}

/** A field set, changed or cleared (before or after undefined), or a list that gained or lost items. */
export type FieldChange =
  | { field: string; type: 'value'; before?: unknown; after?: unknown }
  | { field: string; type: 'list'; added: unknown[]; removed: unknown[]; reordered: boolean };

export interface RecordRef {
  id: string;
  kind: string;
  label: string;
}

export interface ChangedRecord extends RecordRef {
  changes: FieldChange[];
}

export interface RenamedRecord extends ChangedRecord {
  from: string;
}

export interface VersionSummary {
  label: string;
  version?: string;
  records: number;
}

export interface ReleaseDiff {
  old: VersionSummary;
  new: VersionSummary;
  added: RecordRef[];
  removed: RecordRef[];
  renamed: RenamedRecord[];
  changed: ChangedRecord[];
}

type Json = unknown;

/** JSON with sorted keys: equal values have equal keys. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isMapping(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const same = (a: Json, b: Json) => canonical(a) === canonical(b);

/** Items of `from` not matched one-for-one in `against`. */
function unmatched(from: readonly Json[], against: readonly Json[]): Json[] {
  const counts = new Map<string, number>();
  for (const item of against) counts.set(canonical(item), (counts.get(canonical(item)) ?? 0) + 1);
  return from.filter((item) => {
    const left = counts.get(canonical(item)) ?? 0;
    counts.set(canonical(item), left - 1);
    return left <= 0;
  });
}

function listChange(field: string, before: readonly Json[], after: readonly Json[]): FieldChange {
  const removed = unmatched(before, after);
  const added = unmatched(after, before);
  // The items both versions have, in each version's order: a difference is a reordering.
  const common = (list: readonly Json[], dropped: readonly Json[]) => unmatched(list, dropped).map(canonical).join('\n');
  return { field, type: 'list', added, removed, reordered: common(before, removed) !== common(after, added) };
}

function keysInOrder(order: readonly string[], ...objects: (Fields | undefined)[]): string[] {
  const present = new Set(objects.flatMap((o) => (o ? Object.keys(o) : [])));
  const known = order.filter((k) => present.has(k));
  const rest = [...present].filter((k) => !order.includes(k)).sort();
  return [...known, ...rest];
}

function fieldChanges(field: string, before: Json, after: Json, out: FieldChange[]): void {
  if (same(before, after)) return;
  if ((isMapping(before) || before === undefined) && (isMapping(after) || after === undefined)) {
    if (isMapping(before) || isMapping(after)) {
      const b = isMapping(before) ? before : {};
      const a = isMapping(after) ? after : {};
      for (const key of keysInOrder([], a, b)) fieldChanges(`${field}.${key}`, b[key], a[key], out);
      return;
    }
  }
  if ((Array.isArray(before) || before === undefined) && (Array.isArray(after) || after === undefined)) {
    out.push(listChange(field, before ?? [], after ?? []));
    return;
  }
  const change: FieldChange = { field, type: 'value' };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  out.push(change);
}

/** What the diff compares: fields derived as the inverse of another list are left out (their source list shows the change). */
interface Comparison {
  order: Map<string, string[]>;
  ignored: Map<string, Set<string>>;
  labels: Map<string, string>;
}

function comparison(schemas: SchemaSet): Comparison {
  return {
    order: new Map(schemas.kinds.map((k) => [k.kind, k.properties.map((p) => p.name)])),
    ignored: new Map(
      schemas.kinds.map((k) => [k.kind, new Set(k.properties.filter((p) => p.derived && 'inverseOf' in p.derived).map((p) => p.name))]),
    ),
    labels: new Map(schemas.kinds.map((k) => [k.kind, k.labelProperty])),
  };
}

function recordChanges(before: VersionRecord, after: VersionRecord, how: Comparison): FieldChange[] {
  const ignored = how.ignored.get(after.kind) ?? new Set();
  const changes: FieldChange[] = [];
  for (const key of keysInOrder(how.order.get(after.kind) ?? [], before.fields, after.fields)) {
    if (key === 'id' || ignored.has(key)) continue;
    fieldChanges(key, before.fields[key], after.fields[key], changes);
  }
  return changes;
}

function ref(record: VersionRecord, how: Comparison): RecordRef {
  const label = record.fields[how.labels.get(record.kind) ?? 'id'];
  return { id: record.id, kind: record.kind, label: typeof label === 'string' ? label : record.id };
}

/** Share of the fields (other than id) that are equal: 1 for identical records. */
function similarity(a: VersionRecord, b: VersionRecord, how: Comparison): number {
  const ignored = how.ignored.get(a.kind) ?? new Set();
  const keys = keysInOrder([], a.fields, b.fields).filter((k) => k !== 'id' && !ignored.has(k));
  if (keys.length === 0) return 1;
  return keys.filter((k) => same(a.fields[k], b.fields[k])).length / keys.length;
}

/**
 * Renamed ids: a removed and an added record of the same kind that are the same
 * record, i.e. all other fields equal, or the same label and at least half of
 * the fields equal. Best matches first, each record used once.
 */
function findRenames(removed: readonly VersionRecord[], added: readonly VersionRecord[], how: Comparison): Map<string, string> {
  const pairs: { from: VersionRecord; to: VersionRecord; score: number }[] = [];
  for (const from of removed) {
    for (const to of added) {
      if (from.kind !== to.kind) continue;
      const score = similarity(from, to, how);
      const label = how.labels.get(from.kind) ?? 'id';
      const sameLabel = label !== 'id' && same(from.fields[label], to.fields[label]);
      if (score === 1 || (sameLabel && score >= 0.5)) pairs.push({ from, to, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || compareText(a.from.id, b.from.id));
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  for (const { from, to } of pairs) {
    if (renames.has(from.id) || taken.has(to.id)) continue;
    renames.set(from.id, to.id);
    taken.add(to.id);
  }
  return renames;
}

/** Replace renamed ids wherever they are referred to, so a rename is reported once, not in every reference. */
function renameReferences(value: Json, renames: ReadonlyMap<string, string>): Json {
  if (typeof value === 'string') return renames.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renameReferences(v, renames));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameReferences(v, renames)]));
  return value;
}

function byKindAndId(a: RecordRef, b: RecordRef): number {
  const ka = `${a.kind}\u0000${a.id}`;
  const kb = `${b.kind}\u0000${b.id}`;
  return compareText(ka, kb);
}

function summary(version: Version): VersionSummary {
  const dataset = version.records.find((r) => r.kind === 'dataset');
  const number = dataset?.fields.version;
  return { label: version.label, ...(typeof number === 'string' ? { version: number } : {}), records: version.records.length };
}

export function diffVersions(oldVersion: Version, newVersion: Version, schemas: SchemaSet): ReleaseDiff {
  const how = comparison(schemas);
  const oldById = new Map(oldVersion.records.map((r) => [r.id, r]));
  const newById = new Map(newVersion.records.map((r) => [r.id, r]));
  const gone = oldVersion.records.filter((r) => !newById.has(r.id));
  const fresh = newVersion.records.filter((r) => !oldById.has(r.id));
  const renames = findRenames(gone, fresh, how);
  const renamedTo = new Set(renames.values());
  const renamed: RenamedRecord[] = [];
  const changed: ChangedRecord[] = [];
  for (const before of oldVersion.records) {
    const afterId = renames.get(before.id) ?? before.id;
    const after = newById.get(afterId);
    if (!after) continue;
    const moved = { ...before, id: afterId, fields: renameReferences(before.fields, renames) as Fields };
    const changes = recordChanges(moved, after, how);
    if (afterId !== before.id) renamed.push({ ...ref(after, how), from: before.id, changes });
    else if (changes.length > 0) changed.push({ ...ref(after, how), changes });
  }
  return {
    old: summary(oldVersion),
    new: summary(newVersion),
    added: fresh
      .filter((r) => !renamedTo.has(r.id))
      .map((r) => ref(r, how))
      .sort(byKindAndId),
    removed: gone
      .filter((r) => !renames.has(r.id))
      .map((r) => ref(r, how))
      .sort(byKindAndId),
    renamed: renamed.sort(byKindAndId),
    changed: changed.sort(byKindAndId),
  };
}
