/**
 * The linked data as RDF dumps: `partnership.nq` (canonical N-Quads: sorted,
 * no blank nodes, identical bytes every build), `partnership.ttl` (Turtle with
 * its prefixes) and `site/<id>.ttl`, each entity's own triples. The triples come
 * from the same graph model as the JSON-LD, never from parsing it back.
 */
import { CanonicalGraph, canonicalOrder, nodeTriples } from '../rdf/quads.js';
import { graphStatistics } from '../rdf/statistics.js';
import { turtleSerializer } from '../rdf/turtle.js';
import { entityDocumentPath, linkedData } from './jsonld.js';
import type { Publisher } from './types.js';

export const NQUADS_PATH = 'partnership.nq';
export const TURTLE_PATH = 'partnership.ttl';
export const TURTLE_MEDIA_TYPE = 'text/turtle';

export const rdfDumps: Publisher = {
  name: 'rdf',
  async publish(publish, output) {
    const data = linkedData(publish);
    const { nodes, prefixes } = data;
    const turtle = turtleSerializer(prefixes);
    // Each triple's N-Quads line is made once: it orders the entity's Turtle, then the whole graph.
    const graph = new CanonicalGraph();
    for (const node of nodes) {
      const entity = canonicalOrder(nodeTriples(node, prefixes));
      const content = turtle.write(entity.map((t) => t.triple));
      await output.add({ path: entityDocumentPath(node.id ?? '', 'ttl'), content, mediaType: TURTLE_MEDIA_TYPE });
      graph.add(entity);
    }
    for (const resource of data.resources) graph.add(canonicalOrder(nodeTriples(resource, prefixes)));
    const all = graph.inOrder();
    data.statistics = graphStatistics(all.triples, prefixes, publish.baseIri);
    // The two dumps of the whole graph go to the writer in parts, never as one string.
    await output.add({ path: NQUADS_PATH, content: all.nquads, mediaType: 'application/n-quads' });
    await output.add({ path: TURTLE_PATH, content: turtle.writeParts(all.triples), mediaType: TURTLE_MEDIA_TYPE });
  },
};
