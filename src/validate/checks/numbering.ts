import { diagnosticAt } from '../../diagnostics.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { EntityRecord } from '../../model/catalog.js';
import { recordsOf } from '../../model/catalog.js';
import type { Check, CheckContext } from './context.js';
import { placeOf } from './context.js';

function childIds(record: EntityRecord): string[] {
  const value = record.fields.paragraphs;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Paragraphs keep the document's own numbers: top-level paragraphs run 1, 2, 3...
 * across the sections in order, sub-paragraphs of n run n.1, n.2..., and each id
 * is `<document>/para/<number>`.
 */
function checkSiblings(
  context: CheckContext,
  document: string,
  paragraphs: EntityRecord[],
  parentNumber: string | undefined,
  diagnostics: Diagnostic[],
): void {
  paragraphs.forEach((paragraph, index) => {
    const number = typeof paragraph.fields.number === 'string' ? paragraph.fields.number : undefined;
    if (number === undefined) return;
    const expected = parentNumber === undefined ? String(index + 1) : `${parentNumber}.${index + 1}`;
    if (parentNumber !== undefined && !number.startsWith(`${parentNumber}.`)) {
      diagnostics.push(
        diagnosticAt(placeOf(context, paragraph, 'number'), 'NUMBERING_PARENT', `sub-paragraph ${number} is nested under paragraph ${parentNumber}`, {
          hint: `number it ${expected}, or move it under paragraph ${number.split('.').slice(0, -1).join('.') || number}`,
        }),
      );
    } else if (number !== expected) {
      diagnostics.push(
        diagnosticAt(placeOf(context, paragraph, 'number'), 'NUMBERING_SEQUENCE', `paragraph ${number} stands where ${expected} is expected`, {
          hint: 'paragraphs are numbered consecutively, in document order, as in the source',
        }),
      );
    }
    const expectedId = `${document}/para/${number}`;
    if (paragraph.id && paragraph.id !== expectedId) {
      diagnostics.push(
        diagnosticAt(placeOf(context, paragraph, 'id'), 'ID_MISMATCH', `paragraph ${number} of "${document}" has the id "${paragraph.id}"`, {
          hint: `its id is "${expectedId}"`,
        }),
      );
    }
    const children = childIds(paragraph)
      .map((id) => context.catalog.byId.get(id))
      .filter((r): r is EntityRecord => r !== undefined);
    checkSiblings(context, document, children, number, diagnostics);
  });
}

export const numbering: Check = {
  name: 'numbering',
  run(context) {
    const diagnostics: Diagnostic[] = [];
    const sectionsByDocument = new Map<string, EntityRecord[]>();
    for (const section of recordsOf(context.catalog, 'section')) {
      const document = section.fields.document;
      if (typeof document !== 'string') continue;
      if (section.id && !section.id.startsWith(`${document}/section/`)) {
        diagnostics.push(
          diagnosticAt(placeOf(context, section, 'id'), 'ID_MISMATCH', `section "${section.id}" of document "${document}" has an id outside it`, {
            hint: `its id starts with "${document}/section/"`,
          }),
        );
      }
      sectionsByDocument.set(document, [...(sectionsByDocument.get(document) ?? []), section]);
    }
    for (const [document, sections] of sectionsByDocument) {
      const ordered = [...sections].sort((a, b) => Number(a.fields.order) - Number(b.fields.order));
      ordered.forEach((section, index) => {
        if (section.fields.order !== index + 1) {
          diagnostics.push(
            diagnosticAt(placeOf(context, section, 'order'), 'NUMBERING_SEQUENCE', `section order ${String(section.fields.order)} stands where ${index + 1} is expected in "${document}"`, {
              hint: 'sections are ordered 1, 2, 3... with no gaps or repeats',
            }),
          );
        }
      });
      const paragraphs = ordered
        .flatMap((section) => childIds(section))
        .map((id) => context.catalog.byId.get(id))
        .filter((r): r is EntityRecord => r !== undefined);
      checkSiblings(context, document, paragraphs, undefined, diagnostics);
    }
    return diagnostics;
  },
};
