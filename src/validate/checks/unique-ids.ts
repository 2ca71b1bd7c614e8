import { diagnosticAt } from '../../diagnostics.js';
import type { EntityRecord } from '../../model/catalog.js';
import type { Check } from './context.js';
import { placeOf } from './context.js';

/** Ids are IRIs: one record per id across every file. */
export const uniqueIds: Check = {
  name: 'unique-ids',
  run(context) {
    const first = new Map<string, EntityRecord>();
    const diagnostics = [];
    for (const record of context.catalog.records) {
      if (!record.id) continue;
      const firstRecord = first.get(record.id);
      if (!firstRecord) {
        first.set(record.id, record);
        continue;
      }
      // Places are found only for a duplicate: locating every record's id would walk every document.
      const earlier = placeOf(context, firstRecord, 'id');
      diagnostics.push(
        diagnosticAt(placeOf(context, record, 'id'), 'ID_DUPLICATE', `id "${record.id}" is already used by another record`, {
          hint: 'give this record its own id; ids never change once published, so rename the newer one',
          related: [{ file: earlier.file, start: earlier.start, message: `"${record.id}" first defined here` }],
        }),
      );
    }
    return diagnostics;
  },
};
