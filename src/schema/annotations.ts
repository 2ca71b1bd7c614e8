/**
 * The meta-schema of the x- annotations: the small language in which a schema says how its records
 * are published (RDF terms, tables, references). Checked when the schemas are read, so a mistake in
 * an annotation is a positioned report, not a fault half-way through a build.
 */
import type { JsonSchema } from './model.js';

const CURIE = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*:[A-Za-z_][A-Za-z0-9_.-]*$' };
const CURIES = { anyOf: [CURIE, { type: 'array', items: CURIE, minItems: 1 }] };
const KIND = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' };

/** Every x- keyword the toolkit reads; ajv is told of them too (validator.ts). */
export const ANNOTATION_KEYWORDS = [
  'x-kind',
  'x-files',
  'x-table',
  'x-label',
  'x-rdf-type',
  'x-rdf',
  'x-rdf-agent',
  'x-ref',
  'x-nested',
  'x-inherit',
  'x-derived',
  'x-after',
  'x-numbering',
  'x-claim',
  'x-excerpt-of',
] as const;

const schemaRef = { $ref: '#/$defs/schema' };

export const ANNOTATIONS_META_SCHEMA: JsonSchema = {
  $ref: '#/$defs/schema',
  $defs: {
    schema: {
      type: ['object', 'boolean'],
      propertyNames: { anyOf: [{ not: { pattern: '^x-' } }, { enum: [...ANNOTATION_KEYWORDS] }] },
      properties: {
        'x-kind': KIND,
        'x-files': { type: 'string', pattern: '^[^/].*\\.yaml$' },
        'x-table': { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
        'x-label': { type: 'string', minLength: 1 },
        'x-rdf-type': CURIES,
        'x-rdf': {
          type: 'object',
          required: ['predicate'],
          additionalProperties: false,
          properties: {
            predicate: CURIES,
            lang: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$' },
            datatype: CURIE,
            iri: { const: true },
            iriPrefix: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*:' },
            typesWhen: { type: 'object', additionalProperties: CURIES },
            only: {
              type: 'object',
              additionalProperties: {
                type: 'object',
                additionalProperties: false,
                properties: { fullDate: { type: 'boolean' }, holderType: CURIE },
              },
            },
            codeTypes: CURIES,
            agent: { const: true },
            objectTypes: CURIES,
            languageAuthority: { const: true },
          },
        },
        'x-rdf-agent': {
          type: 'object',
          required: ['fragment', 'types', 'predicate'],
          additionalProperties: false,
          properties: {
            fragment: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
            types: CURIES,
            predicate: CURIES,
            properties: { type: 'array', items: { type: 'string' } },
            description: { type: 'string' },
          },
        },
        'x-ref': { anyOf: [KIND, { type: 'array', items: KIND, minItems: 1 }] },
        'x-nested': KIND,
        'x-inherit': { type: 'boolean' },
        'x-derived': {
          anyOf: [
            { const: 'parent' },
            {
              type: 'object',
              required: ['inverseOf'],
              additionalProperties: false,
              properties: { inverseOf: { type: 'string', pattern: '^[a-z][a-z0-9-]*\\.[A-Za-z][A-Za-z0-9]*$' } },
            },
          ],
        },
        'x-after': { type: 'string', minLength: 1 },
        'x-claim': { const: true },
        'x-excerpt-of': {
          type: 'object',
          required: ['reference', 'property'],
          additionalProperties: false,
          properties: { reference: { type: 'string' }, property: { type: 'string' } },
        },
        'x-numbering': {
          type: 'object',
          additionalProperties: false,
          properties: {
            within: { type: 'string' },
            order: { type: 'string' },
            number: { type: 'string' },
            parts: { type: 'string' },
            id: { type: 'string', pattern: '^\\{within\\}/' },
          },
        },
        properties: { type: 'object', additionalProperties: schemaRef },
        $defs: { type: 'object', additionalProperties: schemaRef },
        items: schemaRef,
        anyOf: { type: 'array', items: schemaRef },
        oneOf: { type: 'array', items: schemaRef },
        allOf: { type: 'array', items: schemaRef },
      },
    },
  },
};
