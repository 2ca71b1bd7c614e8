import { diagnosticAt } from '../../diagnostics.js';
import type { Check } from './context.js';
import { placeOf } from './context.js';

/** Derived fields (a paragraph's parent, an agreement's citing paragraphs) come from the data, never by hand. */
export const derivedFields: Check = {
  name: 'derived-fields',
  run(context) {
    return context.catalog.records.flatMap((record) => {
      const kind = context.schemas.byKind.get(record.kind);
      return (kind?.properties ?? [])
        .filter((property) => property.derived && record.written.includes(property.name))
        .map((property) =>
          diagnosticAt(placeOf(context, record, property.name), 'DERIVED_FIELD', `"${property.name}" is derived and must not be written`, {
            hint: `remove it: ${property.description}`,
          }),
        );
    });
  },
};
