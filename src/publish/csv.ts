import { type Catalog } from '../model/catalog.js';
import { cellText, formatCsv } from '../tabular/csv.js';
import { tableRows } from '../tabular/rows.js';
import { type TableSpec, tableSpecs } from '../tabular/tables.js';
import type { Artifact, Publisher } from './types.js';
import { zipArchive } from './zip.js';

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
  publish({ catalog, schemas, baseIri }): Artifact[] {
    return tableSpecs(schemas).map((table) => ({
      path: table.path,
      content: csvDocument(table, catalog, baseIri),
      mediaType: CSV_MEDIA_TYPE,
    }));
  },
};

export const CSV_ZIP_PATH = 'csv.zip';

/**
 * `csv.zip`: every table in one download, as `csv/<table>.csv` inside, dated by the
 * dataset's issue date (never the clock), so two builds give the same bytes.
 */
export const csvZip: Publisher = {
  name: 'csv-zip',
  publish({ catalog, schemas, baseIri, dataset }): Artifact[] {
    const issued = typeof dataset.fields.issued === 'string' ? dataset.fields.issued : '1980-01-01';
    const entries = tableSpecs(schemas).map((table) => ({ name: table.path, content: csvDocument(table, catalog, baseIri) }));
    return [{ path: CSV_ZIP_PATH, content: zipArchive(entries, issued), mediaType: 'application/zip' }];
  },
};
