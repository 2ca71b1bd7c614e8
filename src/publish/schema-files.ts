/**
 * The files that describe the linked data's terms and structure: `vocab.ttl`
 * (the project vocabulary) and `shapes.ttl` (SHACL shapes), both generated
 * from the schema model.
 */
import { schemaFilePrefixes } from '../compile/rdf/prefixes.js';
import { shapesPrefixes, shapesStatements } from '../compile/rdf/shacl.js';
import { turtleDescription } from '../compile/rdf/turtle.js';
import { vocabularyStatements } from '../compile/rdf/vocab.js';
import type { Publisher } from './types.js';
import { releaseMediaType } from './media-types.js';

export const VOCAB_PATH = 'vocab.ttl';
export const SHAPES_PATH = 'shapes.ttl';

export const vocabularyAndShapes: Publisher = {
  name: 'vocab-shapes',
  publish({ schemas, baseIri, dataset }) {
    const vocab = vocabularyStatements(schemas, baseIri, dataset.title);
    return [
      { path: VOCAB_PATH, content: turtleDescription(vocab, schemaFilePrefixes(baseIri)), mediaType: releaseMediaType(VOCAB_PATH) },
      {
        path: SHAPES_PATH,
        content: turtleDescription(shapesStatements(schemas, baseIri), shapesPrefixes(baseIri)),
        mediaType: releaseMediaType(SHAPES_PATH),
      },
    ];
  },
};
