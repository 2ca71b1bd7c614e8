import { type Catalog } from '../model/catalog.js';
import { cellText, formatCsv } from '../compile/tabular/csv.js';
import { tableRows } from '../compile/tabular/rows.js';
import type { TableSpec } from '../compile/tabular/tables.js';
import type { Artifact, Publisher } from './types.js';

export const CSV_MEDIA_TYPE = 'text/csv';

export function csvDocument(table: TableSpec, catalog: Catalog, baseIri: string): string {
  const rows = tableRows(table, catalog, baseIri).map((row) =>
    row.map((value, i) => cellText(value, table.columns[i]?.cellType ?? 'string')),
  );
  return formatCsv(table.columns.map((c) => c.name), rows);
}

/** `csv/<table>.csv`: one table per kind of record, per list of objects and per list of values. */
export const csvTables: Publisher = {
  name: 'csv',
  publish({ catalog, tables, baseIri }): Artifact[] {
    return tables.map((table) => ({
      path: table.path,
      content: csvDocument(table, catalog, baseIri),
      mediaType: CSV_MEDIA_TYPE,
    }));
  },
};
