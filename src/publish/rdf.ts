/**
 * The linked data as RDF dumps: `partnership.nq` (canonical N-Quads: sorted, no blank nodes,
 * identical bytes every build), `partnership.ttl` (Turtle with its prefixes) and `site/<id>.ttl`,
 * each entity's own triples. The triples come from the compiled graph, as the JSON-LD does, never
 * from parsing it back.
 */
import { turtleSerializer } from '../compile/rdf/turtle.js';
import { entityDocumentPath } from './jsonld.js';
import type { Publisher } from './types.js';
import { releaseMediaType } from './media-types.js';

export const NQUADS_PATH = 'partnership.nq';
export const TURTLE_PATH = 'partnership.ttl';
export const TURTLE_MEDIA_TYPE = releaseMediaType(TURTLE_PATH);

export const rdfDumps: Publisher = {
  name: 'rdf',
  async publish({ graph }, sink) {
    const turtle = turtleSerializer(graph.prefixes);
    for (const node of graph.nodes) {
      const content = turtle.write((graph.entityTriples.get(node) ?? []).map((t) => t.triple));
      await sink.add({ path: entityDocumentPath(node.id ?? '', 'ttl'), content, mediaType: TURTLE_MEDIA_TYPE });
    }
    // The two dumps of the whole graph go to the writer in parts, never as one string.
    await sink.add({ path: NQUADS_PATH, content: graph.whole.nquads, mediaType: releaseMediaType(NQUADS_PATH) });
    await sink.add({ path: TURTLE_PATH, content: turtle.writeParts(graph.whole.triples), mediaType: TURTLE_MEDIA_TYPE });
  },
};
