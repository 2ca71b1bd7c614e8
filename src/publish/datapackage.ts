/**
 * `datapackage.json`: the CSV tables as a Frictionless Tabular Data Package, with
 * a Table Schema per table (types, constraints, keys) and the size and SHA-256 of
 * every CSV file.
 */
import { entityIri } from '../model/iri.js';
import { recordsOf } from '../model/catalog.js';
import { CSV_LINE_TERMINATOR } from '../compile/tabular/csv.js';
import { foreignKeys } from '../compile/tabular/keys.js';
import type { Column, TableSpec } from '../compile/tabular/tables.js';
import { PARTIAL_DATE_PATTERN, unanchored } from '../compile/tabular/types.js';
import { digestOf, type FileDigest } from './digest.js';
import type { Release, ReleaseBasis } from '../compile/index.js';
import type { Describer } from './types.js';
import { releaseMediaType } from './media-types.js';

type Json = { [key: string]: unknown };

function typed(column: Column): Json {
  switch (column.cellType) {
    case 'integer':
    case 'number':
      return { type: column.cellType };
    case 'boolean':
      return { type: 'boolean', trueValues: ['true'], falseValues: ['false'] };
    case 'string':
      if (column.format === 'date') return { type: 'date' };
      if (column.format === 'uri') return { type: 'string', format: 'uri' };
      return { type: 'string' };
  }
}

function field(column: Column): Json {
  const constraints: Json = { required: column.required };
  if (column.enum) constraints.enum = column.enum;
  if (column.format === 'partial-date') constraints.pattern = PARTIAL_DATE_PATTERN;
  else if (column.pattern) constraints.pattern = unanchored(column.pattern);
  return { name: column.name, description: column.description, ...typed(column), constraints };
}

const single = (names: readonly string[]) => (names.length === 1 ? names[0] : names);

function resource(table: TableSpec, tables: readonly TableSpec[], files: readonly FileDigest[]): Json {
  const file = digestOf(files, table.path);
  const schema: Json = { fields: table.columns.map(field), missingValues: [''], primaryKey: single(table.primaryKey) };
  const keys = foreignKeys(table, tables);
  if (keys.length > 0) {
    schema.foreignKeys = keys.map((key) => ({
      fields: single(key.columns),
      // Table Schema names the table itself with an empty resource.
      reference: { resource: key.table === table ? '' : key.table.name, fields: single(key.referenced) },
    }));
  }
  return {
    name: table.name,
    path: table.path,
    profile: 'tabular-data-resource',
    description: table.description,
    format: 'csv',
    mediatype: file.mediaType,
    encoding: 'utf-8',
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    dialect: { delimiter: ',', lineTerminator: CSV_LINE_TERMINATOR, quoteChar: '"', doubleQuote: true, header: true },
    schema,
  };
}

/** A package name: the last segment of the base IRI's path (lower case, url-usable). */
export function packageName(baseIri: string): string {
  const url = new URL(baseIri);
  const segment = url.pathname.split('/').filter(Boolean).at(-1) ?? url.hostname;
  return segment.toLowerCase().replace(/[^-a-z0-9._]/g, '-');
}

function sources(context: ReleaseBasis): Json {
  const list = recordsOf(context.catalog, 'source').map((source) => ({
    title: String(source.fields.title),
    ...(typeof source.fields.url === 'string' ? { path: source.fields.url } : {}),
  }));
  return list.length > 0 ? { sources: list } : {};
}

export const DATAPACKAGE_PATH = 'datapackage.json';

/** `files`: the digests of the CSV tables. */
export function dataPackage(release: Release, files: readonly FileDigest[]): Json {
  const { dataset, baseIri, tables } = release;
  return {
    profile: 'tabular-data-package',
    name: packageName(baseIri),
    id: entityIri(baseIri, dataset.id),
    title: dataset.title,
    description: dataset.description,
    version: dataset.version,
    // The issue date of the data, never the clock, so that builds are reproducible.
    created: `${dataset.issued}T00:00:00Z`,
    licenses: [{ path: dataset.license }],
    ...(dataset.keywords.length > 0 ? { keywords: dataset.keywords } : {}),
    contributors: [{ title: dataset.publisher, role: 'publisher' }],
    ...sources(release),
    resources: tables.map((table) => resource(table, tables, files)),
  };
}

export const dataPackageJson: Describer = {
  name: 'datapackage',
  makes: [DATAPACKAGE_PATH],
  describes: (path) => path.startsWith('csv/'),
  describe: (release, described) => [
    {
      path: DATAPACKAGE_PATH,
      content: `${JSON.stringify(dataPackage(release, described), null, 2)}\n`,
      mediaType: releaseMediaType(DATAPACKAGE_PATH),
    },
  ],
};
