/**
 * URI templates (RFC 6570) that give each row of a table the IRI of what it
 * describes, by the same rules as the IRIs of the linked data: a record is the
 * base IRI plus its id; a structured object inside it is the record's IRI with
 * a fragment of the property's name and, in a list, its position from 1
 * (`…/person/x#roles-1`), deeper objects extending the fragment. `{+name}` is
 * reserved expansion, so the '/' in ids is not percent-encoded.
 */
import { entityIri, objectIri } from '../../model/iri.js';
import type { Column, TableSpec } from './tables.js';

function variable(column: Column | undefined, reserved: boolean): string {
  if (!column) throw new Error('table has no column for a template variable');
  return reserved ? `{+${column.name}}` : `{${column.name}}`;
}

/** IRI template of the record a row belongs to (its `id`, or its owner key column). */
function recordTemplate(table: TableSpec, baseIri: string): string {
  const key = table.columns.find((c) => c.source.from === 'record-id' || (c.source.from === 'field' && c.name === 'id'));
  return entityIri(baseIri, variable(key, true));
}

function positionColumn(table: TableSpec, depth: number): Column | undefined {
  return table.columns.find((c) => c.source.from === 'position' && c.source.depth === depth);
}

/** IRI template of the object reached by walking `count` of the owner's steps (0: the record itself). */
function walkTemplate(table: TableSpec, count: number, baseIri: string): string {
  let template = recordTemplate(table, baseIri);
  let depth = 0;
  for (const step of table.owners[0]?.steps.slice(0, count) ?? []) {
    template = step.array
      ? objectIri(template, step.name, variable(positionColumn(table, depth++), false))
      : objectIri(template, step.name);
  }
  return template;
}

/** What a row describes: a record, a structured object (child tables), or the holder of a list (list tables). */
export function rowSubjectTemplate(table: TableSpec, baseIri: string): string {
  const steps = table.owners[0]?.steps.length ?? 0;
  return walkTemplate(table, table.shape === 'list' ? steps - 1 : steps, baseIri);
}

/** For child tables: the node that holds the list the row's object is in. */
export function rowHolderTemplate(table: TableSpec, baseIri: string): string {
  return walkTemplate(table, (table.owners[0]?.steps.length ?? 1) - 1, baseIri);
}

/** IRI template of a single nested object flattened into a row (e.g. the review_* columns). */
export function flattenedObjectTemplate(table: TableSpec, path: readonly string[], baseIri: string): string {
  return path.reduce((holder, name) => objectIri(holder, name), rowSubjectTemplate(table, baseIri));
}

/** Template of the IRI a reference column points to. */
export function referenceTemplate(column: Column, baseIri: string): string {
  return entityIri(baseIri, variable(column, true));
}
