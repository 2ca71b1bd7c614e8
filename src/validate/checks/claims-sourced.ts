import { type Diagnostic, diagnosticAt } from '../../diagnostics.js';
import type { EntityRecord } from '../../model/catalog.js';
import type { PropertyInfo } from '../../schema/model.js';
import type { Check, CheckContext } from './context.js';
import { placeOf } from './context.js';

interface ClaimAt {
  property: string;
  claim: Record<string, unknown>;
  path: (string | number)[];
}

/** Every claim (an object of a shape marked `x-claim`) in a record, with its path, nested objects included. */
function* claimsIn(properties: readonly PropertyInfo[], fields: Record<string, unknown>, prefix: (string | number)[]): Generator<ClaimAt> {
  for (const property of properties) {
    if (!property.object || property.nested || property.derived) continue;
    const value = fields[property.name];
    const items = property.array && Array.isArray(value) ? value : [value];
    for (const [index, item] of items.entries()) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
      const path = property.array ? [...prefix, property.name, index] : [...prefix, property.name];
      const object = item as Record<string, unknown>;
      if (property.object.claim) yield { property: property.name, claim: object, path };
      yield* claimsIn(property.object.properties, object, path);
    }
  }
}

function checkRecord(context: CheckContext, record: EntityRecord): Diagnostic[] {
  const kind = context.schemas.byKind.get(record.kind);
  if (!kind) return [];
  const diagnostics: Diagnostic[] = [];
  for (const { property, claim, path } of claimsIn(kind.properties, record.fields, [])) {
    // An empty or mistyped list is the schema's to report; a claim with no sources at all is this check's.
    if (claim.sources !== undefined) continue;
    const value = typeof claim.value === 'string' ? ` "${claim.value}"` : '';
    diagnostics.push(
      diagnosticAt(
        placeOf(context, record, ...path),
        'CLAIM_UNSOURCED',
        `the ${property} claim${value} of ${record.kind} "${record.id}" cites no source`,
        {
          hint: 'add "sources" with the id of the source whose words statedAs quotes, or remove the claim (leave the field out where no source states it)',
        },
      ),
    );
  }
  return diagnostics;
}

/** A claim stands only on a source: every status, kind, date or party claim cites one. */
export const claimsSourced: Check = {
  name: 'claims-sourced',
  run(context) {
    return context.catalog.records.flatMap((record) => checkRecord(context, record));
  },
};
