/**
 * The linked data as JSON-LD: `context.jsonld` (the project context, derived from the schemas),
 * `partnership.jsonld` (every record, compacted, the context inlined so any processor reads it
 * offline) and `site/<id>.jsonld`, the small document an entity's IRI dereferences to (nested
 * records included). The texts come from the compiled graph (compile/linked-data.ts).
 */
import { entityDocumentText, graphDocumentParts } from '../compile/linked-data.js';
import type { Publisher } from './types.js';
import { releaseMediaType } from './media-types.js';

export const GRAPH_JSONLD_PATH = 'partnership.jsonld';
export const JSONLD_MEDIA_TYPE = releaseMediaType(GRAPH_JSONLD_PATH);
export const CONTEXT_PATH = 'context.jsonld';

/** Where an entity's own documents are: `site/<id>.jsonld` and `site/<id>.ttl` (the site embeds them). */
export function entityDocumentPath(id: string, extension: 'jsonld' | 'ttl'): string {
  return `site/${id}.${extension}`;
}

export const jsonldDocuments: Publisher = {
  name: 'jsonld',
  async publish({ graph }, sink) {
    await sink.add({
      path: CONTEXT_PATH,
      content: `${JSON.stringify({ '@context': graph.context }, null, 2)}\n`,
      mediaType: JSONLD_MEDIA_TYPE,
    });
    for (const node of graph.nodes) {
      await sink.add({
        path: entityDocumentPath(node.id ?? '', 'jsonld'),
        content: entityDocumentText(node, graph),
        mediaType: JSONLD_MEDIA_TYPE,
      });
    }
    await sink.add({ path: GRAPH_JSONLD_PATH, content: graphDocumentParts(graph), mediaType: JSONLD_MEDIA_TYPE });
  },
};
