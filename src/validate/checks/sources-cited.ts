import { diagnosticAt } from '../../diagnostics.js';
import type { EntityRecord } from '../../model/catalog.js';
import type { Check, CheckContext } from './context.js';
import { placeOf } from './context.js';

function cites(record: EntityRecord): boolean {
  const sources = record.fields.sources;
  return Array.isArray(sources) && sources.length > 0;
}

/** The top-level record a nested record is written in. */
function rootOf(context: CheckContext, record: EntityRecord): EntityRecord {
  let current = record;
  for (let parent = current.parent; parent !== undefined; parent = current.parent) {
    const next = context.catalog.byId.get(parent);
    if (!next || next === current) break;
    current = next;
  }
  return current;
}

/** Every record whose kind can cite sources cites at least one, itself or through its parent. */
export const sourcesCited: Check = {
  name: 'sources-cited',
  run(context) {
    return context.catalog.records.flatMap((record) => {
      const kind = context.schemas.byKind.get(record.kind);
      if (!kind?.properties.some((p) => p.name === 'sources')) return [];
      if (cites(record)) return [];
      // The schema already reports a top-level record without sources; its nested records
      // would only repeat that one problem (adding sources there fixes them all).
      if (record.parent === undefined || !cites(rootOf(context, record))) return [];
      return [
        diagnosticAt(placeOf(context, record), 'SOURCE_MISSING', `${record.kind} "${record.id}" cites no source`, {
          hint: 'add "sources" to it or to the record it is nested in',
        }),
      ];
    });
  },
};
