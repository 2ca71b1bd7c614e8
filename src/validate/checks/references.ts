import { diagnosticAt } from '../../diagnostics.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { EntityRecord } from '../../model/catalog.js';
import type { PropertyInfo } from '../../schema/model.js';
import { nearest } from '../../text/suggest.js';
import type { Check, CheckContext } from './context.js';
import { placeOf } from './context.js';
import { withArticle } from '../../text/article.js';

interface Reference {
  id: string;
  kinds: string[];
  path: (string | number)[];
}

/** Every reference in a record, with its path, including those inside structured values. */
function* referencesIn(
  properties: readonly PropertyInfo[],
  fields: Record<string, unknown>,
  prefix: (string | number)[],
): Generator<Reference> {
  for (const property of properties) {
    if (property.derived || property.nested) continue;
    const value = fields[property.name];
    const items = property.array && Array.isArray(value) ? value : [value];
    for (const [index, item] of items.entries()) {
      const path = property.array ? [...prefix, property.name, index] : [...prefix, property.name];
      if (property.refKinds && typeof item === 'string') yield { id: item, kinds: property.refKinds, path };
      if (property.object && item !== null && typeof item === 'object') {
        yield* referencesIn(property.object.properties, item as Record<string, unknown>, path);
      }
    }
  }
}

function checkRecord(context: CheckContext, record: EntityRecord): Diagnostic[] {
  const kind = context.schemas.byKind.get(record.kind);
  if (!kind) return [];
  const diagnostics: Diagnostic[] = [];
  for (const reference of referencesIn(kind.properties, record.fields, [])) {
    // Inherited values are checked where they are written.
    if (!record.written.includes(String(reference.path[0]))) continue;
    const target = context.catalog.byId.get(reference.id);
    const expected = reference.kinds.join(' or ');
    if (!target) {
      const candidates = context.catalog.records.filter((r) => reference.kinds.includes(r.kind)).map((r) => r.id);
      const suggestion = nearest(reference.id, candidates);
      diagnostics.push(
        diagnosticAt(placeOf(context, record, ...reference.path), 'REF_UNKNOWN', `no ${expected} has the id "${reference.id}"`, {
          hint: suggestion ? `did you mean "${suggestion}"?` : `add ${withArticle(expected)} record with this id, or fix the reference`,
        }),
      );
    } else if (!reference.kinds.includes(target.kind)) {
      diagnostics.push(
        diagnosticAt(
          placeOf(context, record, ...reference.path),
          'REF_WRONG_KIND',
          `"${reference.id}" is ${withArticle(target.kind)}, but this field refers to ${withArticle(expected)}`,
          { related: [{ file: target.origin.file, start: placeOf(context, target, 'id').start, message: `${target.kind} defined here` }] },
        ),
      );
    }
  }
  return diagnostics;
}

/** Every reference names an existing record of a kind the schema allows. */
export const references: Check = {
  name: 'references',
  run(context) {
    return context.catalog.records.flatMap((record) => checkRecord(context, record));
  },
};
