/**
 * The linked data as RDF dumps: `partnership.nq` (canonical N-Quads: sorted,
 * no blank nodes, identical bytes every build), `partnership.ttl` (Turtle with
 * its prefixes) and `site/<id>.ttl`, each entity's own triples. The triples come
 * from the same graph model as the JSON-LD, never from parsing it back.
 */
import { canonicalNQuads, nodeTriples } from '../rdf/quads.js';
import { sortedTriples, turtleSerializer } from '../rdf/turtle.js';
import { entityDocumentPath, linkedData } from './jsonld.js';
import type { Artifact, Publisher } from './types.js';

export const NQUADS_PATH = 'partnership.nq';
export const TURTLE_PATH = 'partnership.ttl';
const TURTLE_MEDIA_TYPE = 'text/turtle';

export const rdfDumps: Publisher = {
  name: 'rdf',
  async publish(publish) {
    const { nodes, prefixes } = linkedData(publish);
    const byNode = nodes.map((node) => ({ node, triples: nodeTriples(node, prefixes) }));
    const all = byNode.flatMap((n) => n.triples);
    const turtle = turtleSerializer(prefixes);
    const entities: Artifact[] = [];
    for (const { node, triples } of byNode) {
      entities.push({ path: entityDocumentPath(node.id ?? '', 'ttl'), content: turtle.write(sortedTriples(triples)), mediaType: TURTLE_MEDIA_TYPE });
    }
    return [
      { path: NQUADS_PATH, content: canonicalNQuads(all), mediaType: 'application/n-quads' },
      { path: TURTLE_PATH, content: turtle.write(sortedTriples(all)), mediaType: TURTLE_MEDIA_TYPE },
      ...entities,
    ];
  },
};
