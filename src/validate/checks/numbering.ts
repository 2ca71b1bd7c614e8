/**
 * Records keep their document's own numbers (x-numbering in the schemas): the containers of a
 * document (its sections) run 1, 2, 3... by their order; the numbered parts in them run 1, 2, 3...
 * across the containers in order, the sub-parts of n run n.1, n.2..., and each id follows its
 * kind's template.
 */
import { type Diagnostic, diagnosticAt } from '../../diagnostics.js';
import type { EntityRecord } from '../../model/catalog.js';
import type { KindInfo, Numbering } from '../../schema/model.js';
import type { Check, CheckContext } from './context.js';
import { placeOf } from './context.js';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function partsOf(context: CheckContext, record: EntityRecord, numbering: Numbering | undefined): EntityRecord[] {
  const value = numbering?.parts ? record.fields[numbering.parts] : undefined;
  if (!Array.isArray(value)) return [];
  return value.flatMap((id) => {
    const part = typeof id === 'string' ? context.catalog.byId.get(id) : undefined;
    return part ? [part] : [];
  });
}

/** The id a template gives, or (for a template ending in `/`) the prefix it must start with. */
function idFrom(template: string, within: string, number?: string): string {
  return template.replace('{within}', within).replace('{number}', number ?? '');
}

/** A kind's title in lower case, as the reports name its records ("paragraph 5.1"). */
function titleOf(context: CheckContext, kind: string): string {
  return (context.schemas.byKind.get(kind)?.title || kind).toLowerCase();
}

function numberingOf(context: CheckContext, record: EntityRecord): Numbering | undefined {
  return context.schemas.byKind.get(record.kind)?.numbering;
}

function checkParts(
  context: CheckContext,
  within: string,
  parts: EntityRecord[],
  parentNumber: string | undefined,
  diagnostics: Diagnostic[],
): void {
  parts.forEach((part, index) => {
    const numbering = numberingOf(context, part);
    const field = numbering?.number;
    const number = field ? text(part.fields[field]) : undefined;
    if (!field || number === undefined) return;
    const expected = parentNumber === undefined ? String(index + 1) : `${parentNumber}.${index + 1}`;
    const word = titleOf(context, part.kind);
    if (parentNumber !== undefined && !number.startsWith(`${parentNumber}.`)) {
      diagnostics.push(
        diagnosticAt(placeOf(context, part, field), 'NUMBERING_PARENT', `sub-${word} ${number} is nested under ${word} ${parentNumber}`, {
          hint: `number it ${expected}, or move it under ${word} ${number.split('.').slice(0, -1).join('.') || number}`,
        }),
      );
    } else if (number !== expected) {
      diagnostics.push(
        diagnosticAt(placeOf(context, part, field), 'NUMBERING_SEQUENCE', `${word} ${number} stands where ${expected} is expected`, {
          hint: `${word}s are numbered consecutively, in document order, as in the source`,
        }),
      );
    }
    const expectedId = numbering.id ? idFrom(numbering.id, within, number) : undefined;
    if (expectedId && part.id && part.id !== expectedId) {
      diagnostics.push(
        diagnosticAt(placeOf(context, part, 'id'), 'ID_MISMATCH', `${word} ${number} of "${within}" has the id "${part.id}"`, {
          hint: `its id is "${expectedId}"`,
        }),
      );
    }
    checkParts(context, within, partsOf(context, part, numbering), number, diagnostics);
  });
}

function checkContainers(
  context: CheckContext,
  kind: KindInfo,
  numbering: Numbering & { within: string },
  diagnostics: Diagnostic[],
): void {
  const word = titleOf(context, kind.kind);
  const byDocument = new Map<string, EntityRecord[]>();
  for (const container of context.catalog.byKind.get(kind.kind) ?? []) {
    const within = text(container.fields[numbering.within]);
    if (within === undefined) continue;
    const prefix = numbering.id ? idFrom(numbering.id, within) : undefined;
    if (prefix && container.id && !container.id.startsWith(prefix)) {
      diagnostics.push(
        diagnosticAt(placeOf(context, container, 'id'), 'ID_MISMATCH', `${word} "${container.id}" of "${within}" has an id outside it`, {
          hint: `its id starts with "${prefix}"`,
        }),
      );
    }
    byDocument.set(within, [...(byDocument.get(within) ?? []), container]);
  }
  const order = numbering.order;
  for (const [within, containers] of byDocument) {
    const ordered = order ? [...containers].sort((a, b) => Number(a.fields[order]) - Number(b.fields[order])) : containers;
    if (order) {
      ordered.forEach((container, index) => {
        if (container.fields[order] !== index + 1) {
          diagnostics.push(
            diagnosticAt(
              placeOf(context, container, order),
              'NUMBERING_SEQUENCE',
              `${word} order ${String(container.fields[order])} stands where ${index + 1} is expected in "${within}"`,
              {
                hint: `${word}s are ordered 1, 2, 3... with no gaps or repeats`,
              },
            ),
          );
        }
      });
    }
    checkParts(
      context,
      within,
      ordered.flatMap((container) => partsOf(context, container, numbering)),
      undefined,
      diagnostics,
    );
  }
}

export const numbering: Check = {
  name: 'numbering',
  run(context) {
    const diagnostics: Diagnostic[] = [];
    for (const kind of context.schemas.kinds) {
      const { numbering } = kind;
      if (numbering?.within !== undefined) checkContainers(context, kind, { ...numbering, within: numbering.within }, diagnostics);
    }
    return diagnostics;
  },
};
