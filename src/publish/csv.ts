import type { Catalog } from '../model/catalog.js';
import { cellText, formatCsv } from '../compile/tabular/csv.js';
import { tableRows } from '../compile/tabular/rows.js';
import type { TableSpec } from '../compile/tabular/tables.js';
import type { Artifact, Publisher } from './types.js';
import { zipArchive } from './zip.js';
import { releaseMediaType } from './media-types.js';

const CSV_MEDIA_TYPE = releaseMediaType('table.csv');

export function csvDocument(table: TableSpec, catalog: Catalog, baseIri: string): string {
  const rows = tableRows(table, catalog, baseIri).map((row) =>
    row.map((value, i) => cellText(value, table.columns[i]?.cellType ?? 'string')),
  );
  return formatCsv(
    table.columns.map((c) => c.name),
    rows,
  );
}

export const CSV_ZIP_PATH = 'csv.zip';

/**
 * `csv/<table>.csv`: one table per kind of record, per list of objects and per list of values; and
 * `csv.zip`, every table in one download (as `csv/<table>.csv` inside), dated by the dataset's issue
 * date (never the clock), so two builds give the same bytes.
 */
export const csvTables: Publisher = {
  name: 'csv',
  publish({ catalog, tables, baseIri, dataset }): Artifact[] {
    const documents = tables.map((table) => ({ name: table.path, content: csvDocument(table, catalog, baseIri) }));
    return [
      ...documents.map(({ name, content }) => ({ path: name, content, mediaType: CSV_MEDIA_TYPE })),
      { path: CSV_ZIP_PATH, content: zipArchive(documents, dataset.issued || '1980-01-01'), mediaType: releaseMediaType(CSV_ZIP_PATH) },
    ];
  },
};
