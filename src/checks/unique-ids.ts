import type { Check } from './context.js';
import { diagnosticAt, placeOf } from './context.js';

/** Ids are IRIs: one record per id across every file. */
export const uniqueIds: Check = {
  name: 'unique-ids',
  run(context) {
    const first = new Map<string, ReturnType<typeof placeOf>>();
    const diagnostics = [];
    for (const record of context.catalog.records) {
      if (!record.id) continue;
      const place = placeOf(context, record, 'id');
      const earlier = first.get(record.id);
      if (!earlier) {
        first.set(record.id, place);
        continue;
      }
      diagnostics.push(
        diagnosticAt(place, 'ID_DUPLICATE', `id "${record.id}" is already used by another record`, {
          hint: 'give this record its own id; ids never change once published, so rename the newer one',
          related: [{ file: earlier.file, start: earlier.start, message: `"${record.id}" first defined here` }],
        }),
      );
    }
    return diagnostics;
  },
};
