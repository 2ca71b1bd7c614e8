/**
 * `csv-metadata.json`: the tables described in W3C CSV on the Web (CSVW), so a
 * CSVW processor can check the CSVs and turn each row into the same RDF
 * resources as the linked-data dumps (same IRIs, same predicates).
 */
import { dataPrefixes, expandCurie, type PrefixMap } from '../compile/rdf/prefixes.js';
import { CSV_CONVENTIONS, CSV_LINE_TERMINATOR } from '../compile/tabular/csv.js';
import { foreignKeys } from '../compile/tabular/keys.js';
import type { Column, TableSpec } from '../compile/tabular/tables.js';
import { flattenedObjectTemplate, referenceTemplate, rowHolderTemplate, rowSubjectTemplate } from '../compile/tabular/templates.js';
import { PARTIAL_DATE_PATTERN, anchored, enumPattern } from '../compile/tabular/types.js';
import type { Release } from '../compile/index.js';
import type { Publisher } from './types.js';
import { releaseMediaType } from './media-types.js';

type Json = { [key: string]: unknown };

function datatype(column: Column): string | Json {
  if (column.cellType === 'integer') return 'integer';
  if (column.cellType === 'number') return 'decimal';
  if (column.cellType === 'boolean') return { base: 'boolean', format: 'true|false' };
  if (column.format === 'date') return 'date';
  if (column.format === 'uri') return 'anyURI';
  if (column.format === 'partial-date') return { base: 'string', format: anchored(PARTIAL_DATE_PATTERN) };
  if (column.enum) return { base: 'string', format: anchored(enumPattern(column.enum)) };
  if (column.pattern) return { base: 'string', format: column.pattern };
  return 'string';
}

/** valueUrl of a column whose values are IRIs: references, codes and URLs. */
function valueUrl(column: Column, baseIri: string, prefixes: PrefixMap): string | undefined {
  if (column.refKinds) return referenceTemplate(column, baseIri);
  if (column.rdf?.iriPrefix) return `${expandCurie(column.rdf.iriPrefix, prefixes)}{${column.name}}`;
  if (column.rdf?.iri) return `{+${column.name}}`;
  return undefined;
}

function columnDescription(column: Column, table: TableSpec, baseIri: string, prefixes: PrefixMap): Json {
  const described: Json = {
    name: column.name,
    titles: column.name,
    'dc:description': column.description,
    datatype: datatype(column),
    required: column.required,
  };
  const predicate = column.rdf?.predicates[0];
  const source = column.source;
  // A language tag becomes its authority's IRI in the graph, which no CSVW template can make: no triple rather than a wrong one.
  if (!predicate || column.rdf?.languageAuthority || (source.from !== 'field' && source.from !== 'item')) {
    described.suppressOutput = true;
    return described;
  }
  described.propertyUrl = expandCurie(predicate, prefixes);
  const url = valueUrl(column, baseIri, prefixes);
  if (url) described.valueUrl = url;
  else if (column.rdf?.lang) described.lang = column.rdf.lang;
  if (source.from === 'field' && source.path.length > 1) {
    described.aboutUrl = flattenedObjectTemplate(table, source.path.slice(0, -1), baseIri);
  }
  return described;
}

function virtual(propertyUrl: string, valueUrl: string, aboutUrl?: string): Json {
  return { virtual: true, ...(aboutUrl ? { aboutUrl } : {}), propertyUrl, valueUrl };
}

/**
 * Triples no cell carries: the rows' rdf:types, and for structured objects the
 * link from their holder. A flattened object is linked only when it is required,
 * since a virtual column cannot tell whether an optional object is present.
 */
function virtualColumns(table: TableSpec, context: Release, prefixes: PrefixMap): Json[] {
  const iri = (curie: string) => expandCurie(curie, prefixes);
  const subject = rowSubjectTemplate(table, context.baseIri);
  const columns = table.rdfTypes.map((type) => virtual(iri('rdf:type'), iri(type)));
  const list = table.owners[0]?.steps.at(-1);
  const listPredicate = list?.rdf?.predicates[0];
  if (table.shape === 'child' && listPredicate) {
    columns.push(virtual(iri(listPredicate), subject, rowHolderTemplate(table, context.baseIri)));
  }
  if (table.shape === 'entity') {
    const kind = context.schemas.byKind.get(table.owners[0]?.kind ?? '');
    for (const property of kind?.properties ?? []) {
      const predicate = property.rdf?.predicates[0];
      if (!property.object || property.array || !property.required || !predicate) continue;
      const object = flattenedObjectTemplate(table, [property.name], context.baseIri);
      columns.push(virtual(iri(predicate), object));
      columns.push(...property.object.rdfTypes.map((type) => virtual(iri('rdf:type'), iri(type), object)));
    }
  }
  return columns;
}

function tableDescription(table: TableSpec, tables: readonly TableSpec[], context: Release): Json {
  const prefixes = dataPrefixes(context.baseIri);
  const schema: Json = {
    columns: [
      ...table.columns.map((column) => columnDescription(column, table, context.baseIri, prefixes)),
      ...virtualColumns(table, context, prefixes),
    ],
    primaryKey: table.primaryKey.length === 1 ? table.primaryKey[0] : table.primaryKey,
    aboutUrl: rowSubjectTemplate(table, context.baseIri),
  };
  const keys = foreignKeys(table, tables);
  if (keys.length > 0) {
    schema.foreignKeys = keys.map((key) => ({
      columnReference: key.columns.length === 1 ? key.columns[0] : key.columns,
      reference: {
        resource: key.table.path,
        columnReference: key.referenced.length === 1 ? key.referenced[0] : key.referenced,
      },
    }));
  }
  return { url: table.path, 'dc:title': table.name, 'dc:description': table.description, tableSchema: schema };
}

export function csvMetadata(context: Release): Json {
  const { dataset, tables } = context;
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    '@type': 'TableGroup',
    'dc:title': dataset.title,
    'dc:description': CSV_CONVENTIONS,
    'dc:license': { '@id': dataset.license },
    'dcat:version': dataset.version,
    'dc:issued': { '@value': dataset.issued, '@type': 'xsd:date' },
    dialect: {
      encoding: 'utf-8',
      delimiter: ',',
      quoteChar: '"',
      doubleQuote: true,
      lineTerminators: [CSV_LINE_TERMINATOR],
      header: true,
      headerRowCount: 1,
      trim: false,
    },
    null: '',
    tables: tables.map((table) => tableDescription(table, tables, context)),
  };
}

export const csvwMetadata: Publisher = {
  name: 'csvw',
  publish(context) {
    return [
      {
        path: 'csv-metadata.json',
        content: `${JSON.stringify(csvMetadata(context), null, 2)}\n`,
        mediaType: releaseMediaType('csv-metadata.json'),
      },
    ];
  },
};
