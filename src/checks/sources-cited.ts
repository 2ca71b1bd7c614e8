import type { Check } from './context.js';
import { diagnosticAt, placeOf } from './context.js';

/** Every record whose kind can cite sources cites at least one, itself or through its parent. */
export const sourcesCited: Check = {
  name: 'sources-cited',
  run(context) {
    return context.catalog.records.flatMap((record) => {
      const kind = context.schemas.byKind.get(record.kind);
      if (!kind?.properties.some((p) => p.name === 'sources')) return [];
      const sources = record.fields.sources;
      if (Array.isArray(sources) && sources.length > 0) return [];
      // The schema already reports a missing top-level field; this catches nested records.
      if (record.parent === undefined) return [];
      return [
        diagnosticAt(placeOf(context, record), 'SOURCE_MISSING', `${record.kind} "${record.id}" cites no source`, {
          hint: 'add "sources" to it or to the record it is nested in',
        }),
      ];
    });
  },
};
