/**
 * `DATA-DICTIONARY.md`: every table and column of the CSV release, generated
 * from the schema model, for people who load the tables into their tools.
 */
import { CSV_CONVENTIONS } from '../compile/tabular/csv.js';
import { foreignKeys } from '../compile/tabular/keys.js';
import type { Column, TableSpec } from '../compile/tabular/tables.js';
import { rowSubjectTemplate } from '../compile/tabular/templates.js';
import type { Release } from '../compile/index.js';
import type { Publisher } from './types.js';
import { releaseMediaType } from './media-types.js';

/** Markdown table cells: no line breaks, pipes escaped. */
function md(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

const code = (text: string) => `\`${text}\``;

function typeOf(column: Column): string {
  if (column.cellType === 'boolean') return 'boolean (`true` or `false`)';
  if (column.cellType !== 'string') return column.cellType;
  if (column.format === 'date') return 'date (YYYY-MM-DD)';
  if (column.format === 'partial-date') return 'date (YYYY, YYYY-MM or YYYY-MM-DD)';
  if (column.format === 'uri') return 'URL';
  if (column.enum) return `code: ${column.enum.map(code).join(', ')}`;
  if (column.refKinds || column.pattern) return 'id';
  return 'text';
}

function references(column: Column, table: TableSpec, tables: readonly TableSpec[]): string {
  const key = foreignKeys(table, tables).find((k) => k.columns.length === 1 && k.columns[0] === column.name);
  if (key) return code(`${key.table.name}.${key.referenced.join(', ')}`);
  const kinds = column.refKinds ?? [];
  const named = kinds.map((kind) => tables.find((t) => t.shape === 'entity' && t.owners[0]?.kind === kind)?.name ?? kind);
  return named.length > 0 ? `id in one of ${named.map(code).join(', ')}` : '';
}

function columnRow(column: Column, table: TableSpec, tables: readonly TableSpec[]): string {
  const predicates = column.rdf?.predicates.map(code).join(', ') ?? '';
  const cells = [
    code(column.name),
    typeOf(column),
    column.required ? 'yes' : 'no',
    md(column.description),
    predicates,
    references(column, table, tables),
  ];
  return `| ${cells.join(' | ')} |`;
}

const SHAPES: Record<TableSpec['shape'], string> = {
  entity: 'One row per record.',
  child: 'One row per structured object of a list.',
  list: 'One row per item of a list.',
};

function tableSection(table: TableSpec, tables: readonly TableSpec[], context: Release): string[] {
  const lines = [`### ${code(table.name)}`, '', `File ${code(table.path)}. ${SHAPES[table.shape]} ${md(table.description)}`, ''];
  lines.push(`- Primary key: ${table.primaryKey.map(code).join(' + ')}.`);
  lines.push(`- Each row describes ${code(rowSubjectTemplate(table, context.baseIri))}.`);
  if (table.owners.length > 1) lines.push(`- Shared by: ${table.owners.map((o) => code(o.kind)).join(', ')}.`);
  for (const implied of table.implied) lines.push(`- ${code(implied.property)} has no column: ${implied.explanation}.`);
  const parentKey = foreignKeys(table, tables).find((k) => k.columns.length > 1);
  if (parentKey) {
    lines.push(
      `- ${parentKey.columns.map(code).join(' + ')} refer to ${code(`${parentKey.table.name}`)} (${parentKey.referenced.map(code).join(' + ')}).`,
    );
  }
  lines.push('', '| column | type | required | description | RDF predicate | references |', '| --- | --- | --- | --- | --- | --- |');
  lines.push(...table.columns.map((column) => columnRow(column, table, tables)), '');
  return lines;
}

export function dataDictionary(context: Release): string {
  const { tables, dataset: fields } = context;
  const lines = [
    '# Data dictionary',
    '',
    `${md(fields.title)}, version ${fields.version}, issued ${fields.issued}.`,
    'Generated from the JSON Schemas by the build; do not edit by hand.',
    '',
    '## Conventions',
    '',
    CSV_CONVENTIONS,
    '',
    'Column names are the schema property names in snake_case, in schema order. Tables of records start with `id` and `iri`. ' +
      "Values inherited from a parent record (a paragraph's pillar and sources from its section) are published resolved, on the row of the record itself. " +
      'A single structured object (such as a review arrangement) is flattened into columns prefixed with its property name. ' +
      '`csv-metadata.json` (CSVW) and `datapackage.json` (Frictionless) describe the same tables for tools.',
    '',
    '## Tables',
    '',
    '| table | file | description |',
    '| --- | --- | --- |',
    ...tables.map((t) => `| ${code(t.name)} | ${code(t.path)} | ${md(t.description)} |`),
    '',
  ];
  for (const table of tables) lines.push(...tableSection(table, tables, context));
  return lines.join('\n');
}

export const dataDictionaryMarkdown: Publisher = {
  name: 'data-dictionary',
  publish(context) {
    return [{ path: 'DATA-DICTIONARY.md', content: dataDictionary(context), mediaType: releaseMediaType('DATA-DICTIONARY.md') }];
  },
};
