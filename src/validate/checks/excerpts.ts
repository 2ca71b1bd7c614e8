import { type Diagnostic, diagnosticAt } from '../../diagnostics.js';
import type { Check } from './context.js';
import { placeOf } from './context.js';

/** The longest start of `excerpt` that `text` holds unchanged: where a transcription first goes wrong. */
export function longestHeldPrefix(excerpt: string, text: string): number {
  let low = 0;
  let high = excerpt.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (text.includes(excerpt.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * A text the schema marks `x-excerpt-of` (a commitment's action) must be an unchanged,
 * unbroken excerpt of the text of the record it refers to (its paragraph), so a
 * verbatim quotation cannot drift from the document it quotes. An unknown reference
 * is the references check's to report.
 */
export const excerpts: Check = {
  name: 'excerpts',
  run(context) {
    const diagnostics: Diagnostic[] = [];
    for (const record of context.catalog.records) {
      const kind = context.schemas.byKind.get(record.kind);
      for (const property of kind?.properties ?? []) {
        if (!property.excerptOf) continue;
        const { reference, property: quoted } = property.excerptOf;
        const excerpt = record.fields[property.name];
        const targetId = record.fields[reference];
        const text = typeof targetId === 'string' ? context.catalog.byId.get(targetId)?.fields[quoted] : undefined;
        if (typeof excerpt !== 'string' || typeof text !== 'string' || text.includes(excerpt)) continue;
        const held = longestHeldPrefix(excerpt, text);
        const hint =
          held === 0
            ? `copy the words from ${quoted} of ${String(targetId)} exactly`
            : `the first ${held} characters match; it differs from "${excerpt.slice(held, held + 30)}"`;
        diagnostics.push(
          diagnosticAt(
            placeOf(context, record, property.name),
            'TEXT_NOT_EXCERPT',
            `${property.name} is not an unchanged excerpt of the ${quoted} of ${String(targetId)}`,
            { hint },
          ),
        );
      }
    }
    return diagnostics;
  },
};
