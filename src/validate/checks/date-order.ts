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

interface DateAt {
  value: string;
  path: (string | number)[];
}

/** A date field's dates: its value, or each of its claims' values (an agreement's dateSigned claims). */
function datesOf(fields: Record<string, unknown>, name: string): DateAt[] {
  const value = fields[name];
  if (typeof value === 'string') return [{ value, path: [name] }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((claim, index) => {
    const date = claim !== null && typeof claim === 'object' ? (claim as Record<string, unknown>).value : undefined;
    return typeof date === 'string' ? [{ value: date, path: [name, index, 'value'] }] : [];
  });
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
        for (const later of datesOf(record.fields, property.name)) {
          for (const earlier of datesOf(record.fields, property.after)) {
            if (!precedes(later.value, earlier.value)) continue;
            diagnostics.push(
              diagnosticAt(
                placeOf(context, record, ...later.path),
                'DATE_ORDER',
                `${property.name} ${later.value} is before ${property.after} ${earlier.value}`,
                {
                  hint: `check both dates against the source; ${property.name} cannot come first`,
                  related: [
                    {
                      file: record.origin.file,
                      start: placeOf(context, record, ...earlier.path).start,
                      message: `${property.after} is here`,
                    },
                  ],
                },
              ),
            );
          }
        }
      }
    }
    return diagnostics;
  },
};
