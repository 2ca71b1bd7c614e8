import type { Publisher } from './types.js';
import { releaseMediaType } from './media-types.js';

/**
 * `records.json`: every resolved record as plain JSON, by kind, in document order,
 * with derived fields filled in. The simplest machine-readable form of the model.
 */
export const recordsJson: Publisher = {
  name: 'records-json',
  publish({ catalog, schemas }) {
    const byKind: Record<string, unknown[]> = {};
    for (const kind of schemas.kinds) {
      byKind[kind.kind] = (catalog.byKind.get(kind.kind) ?? []).map((r) => r.fields);
    }
    return [{ path: 'records.json', content: `${JSON.stringify(byKind, null, 2)}\n`, mediaType: releaseMediaType('records.json') }];
  },
};
