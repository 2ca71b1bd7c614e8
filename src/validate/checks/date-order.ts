import { diagnosticAt } from '../../diagnostics.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './context.js';
import { placeOf } from './context.js';

/**
 * Compare dates of different precision on the precision they share:
 * "2025-11" is not before "2025-11-02", but "2025-10" is.
 */
export function precedes(later: string, earlier: string): boolean {
  const length = Math.min(later.length, earlier.length);
  return later.slice(0, length) < earlier.slice(0, length);
}

/** A date the schema marks `x-after` another may not precede it (an event's end, an entry into force). */
export const dateOrder: Check = {
  name: 'date-order',
  run(context) {
    const diagnostics: Diagnostic[] = [];
    for (const record of context.catalog.records) {
      const kind = context.schemas.byKind.get(record.kind);
      for (const property of kind?.properties ?? []) {
        if (!property.after) continue;
        const later = record.fields[property.name];
        const earlier = record.fields[property.after];
        if (typeof later !== 'string' || typeof earlier !== 'string' || !precedes(later, earlier)) continue;
        diagnostics.push(
          diagnosticAt(placeOf(context, record, property.name), 'DATE_ORDER', `${property.name} ${later} is before ${property.after} ${earlier}`, {
            hint: `check both dates against the source; ${property.name} cannot come first`,
            related: [{ file: record.origin.file, start: placeOf(context, record, property.after).start, message: `${property.after} is here` }],
          }),
        );
      }
    }
    return diagnostics;
  },
};
