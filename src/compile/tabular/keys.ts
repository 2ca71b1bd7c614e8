import type { TableSpec } from './tables.js';

export interface ForeignKey {
  columns: readonly string[];
  table: TableSpec;
  referenced: readonly string[];
}

function entityTableOf(kind: string, tables: readonly TableSpec[]): TableSpec | undefined {
  return tables.find((t) => t.shape === 'entity' && t.owners[0]?.kind === kind);
}

/** The child table a row of `table` belongs to, when its list is inside a list of objects. */
function parentChildTable(table: TableSpec, tables: readonly TableSpec[]): TableSpec | undefined {
  const [owner] = table.owners;
  if (!owner || table.owners.length !== 1 || owner.steps.length < 2) return undefined;
  const holder = owner.steps.slice(0, -1);
  return tables.find(
    (t) =>
      t.shape === 'child' &&
      t.owners[0]?.kind === owner.kind &&
      t.owners[0].steps.length === holder.length &&
      t.owners[0].steps.every((step, i) => step === holder[i]),
  );
}

/**
 * Foreign keys: every column that refers to records of a single kind, and the
 * key of the object a row of a nested list belongs to. Columns that may refer
 * to several kinds have none (a foreign key names one table).
 */
export function foreignKeys(table: TableSpec, tables: readonly TableSpec[]): ForeignKey[] {
  const keys: ForeignKey[] = [];
  for (const column of table.columns) {
    const [kind, ...more] = column.refKinds ?? [];
    const target = kind !== undefined && more.length === 0 ? entityTableOf(kind, tables) : undefined;
    if (target) keys.push({ columns: [column.name], table: target, referenced: ['id'] });
  }
  const parent = parentChildTable(table, tables);
  if (parent) keys.push({ columns: table.primaryKey.slice(0, -1), table: parent, referenced: parent.primaryKey });
  return keys;
}
