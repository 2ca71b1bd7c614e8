/**
 * The catalogue's Turtle (site/dataset/catalog.ttl) is made without jsonld.js and
 * N3.js: `compactedTriples` reads catalog.jsonld and `turtleDescription` writes it.
 * Proven here against both libraries, which made it before: the same triples as
 * jsonld.js's N-Quads, and the same bytes as N3.js's Writer given those N-Quads.
 */
import { Parser, Writer } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactedTriples, UnsupportedJsonLdError } from '../../src/compile/rdf/compacted-triples.js';
import { schemaFilePrefixes } from '../../src/compile/rdf/prefixes.js';
import { canonicalOrder } from '../../src/compile/rdf/quads.js';
import { datasetRecord } from '../../src/model/dataset.js';
import { FICTIONAL_DATA, REAL_DATA, type Release, sharedRelease } from '../helpers/fixture.js';
import { jsonldToNQuads } from '../helpers/jsonld-offline.js';
import { endSynchronously } from '../helpers/n3.js';

/** Our triples as canonical N-Quads: sorted, each line once, as jsonld.js writes them. */
const nquads = (document: unknown) =>
  canonicalOrder(compactedTriples(document))
    .map((t) => t.line)
    .join('');

describe.each([
  ['the curated data', REAL_DATA],
  ['the fictional fixture', FICTIONAL_DATA],
])('the catalogue of %s', (_name, dataDir) => {
  let release: Release;
  beforeAll(async () => {
    release = await sharedRelease(dataDir);
  });

  it('has the triples jsonld.js reads in catalog.jsonld, and its Turtle is N3.js Writer’s of them, byte for byte', async () => {
    const catalogue = JSON.parse(release.text('catalog.jsonld')) as unknown;
    const reference = await jsonldToNQuads(catalogue);
    expect(reference.split('\n').length).toBeGreaterThan(500);
    expect(nquads(catalogue)).toBe(reference);

    const writer = new Writer({ prefixes: { ...schemaFilePrefixes(datasetRecord(release.catalog).baseIri) } });
    writer.addQuads(new Parser({ format: 'N-Quads' }).parse(reference));
    expect(release.text('site/dataset/catalog.ttl')).toBe(endSynchronously(writer));
  });
});

const context = {
  ex: 'http://example.org/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'ex:link': { '@id': 'ex:link', '@type': '@id' },
  'ex:day': { '@id': 'ex:day', '@type': 'xsd:date' },
  'ex:label': { '@id': 'ex:label', '@language': 'EN-GB' },
  ex_label_plain: { '@id': 'ex:label' },
};
const document = (node: Record<string, unknown>) => ({ '@context': context, '@graph': [{ '@id': 'ex:a', ...node }] });

describe('compactedTriples', () => {
  it('reads every form it handles as jsonld.js does', async () => {
    const doc = document({
      '@type': ['ex:Thing', 'http://example.org/Other'],
      'ex:link': ['ex:b', 'http://example.org/c', { '@id': 'ex:d', '@type': 'ex:Thing', 'ex:label': 'embedded' }],
      'ex:day': ['2026-01-02', { '@value': '2026', '@type': 'xsd:gYear' }],
      'ex:label': ['text', { '@value': 'Text', '@language': 'KO' }, { '@value': 'plain' }, { '@value': 'typed', '@type': 'xsd:string' }],
      ex_label_plain: ['no language', true, false, 42, -7, 0],
      'ex:untyped': ['a string', { '@id': 'ex:e' }, 12, 'line\nbreak "quoted" \\ tab\t'],
      'ex:empty': [],
    });
    const expected = await jsonldToNQuads(doc);
    expect(expected.trim().split('\n')).toHaveLength(23);
    expect(nquads(doc)).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['a blank node', { '@context': context, '@graph': [{ 'ex:p': 'x' }] }],
    ['a blank node identifier', document({ 'ex:link': '_:b0' })],
    ['an embedded node without @id', document({ 'ex:p': { 'ex:q': 'x' } })],
    ['a relative IRI', document({ 'ex:link': 'relative/path' })],
    ['a relative @id', { '@context': context, '@graph': [{ '@id': 'a', 'ex:p': 'x' }] }],
    ['an unknown prefix', document({ 'nope:p': 'x' })],
    ['a term not in the context', document({ undefinedTerm: 'x' })],
    ['a list', document({ 'ex:p': { '@list': ['x'] } })],
    ['a set', document({ 'ex:p': { '@set': ['x'] } })],
    ['a reverse property', document({ '@reverse': { 'ex:p': { '@id': 'ex:b' } } })],
    ['a nested graph', document({ '@graph': [{ '@id': 'ex:b', 'ex:p': 'x' }] })],
    ['a nested array', document({ 'ex:p': [['x']] })],
    ['null', document({ 'ex:p': null })],
    ['a decimal number', document({ 'ex:p': 1.5 })],
    ['a number under a datatype', document({ 'ex:day': 20260102 })],
    ['a number as a value object', document({ 'ex:p': { '@value': 5 } })],
    ['a @type that is not an IRI', document({ '@type': [{ '@id': 'ex:T' }] })],
    ['a value object with a datatype and a language', document({ 'ex:p': { '@value': 'x', '@type': 'xsd:string', '@language': 'en' } })],
    ['a direction', document({ 'ex:p': { '@value': 'x', '@language': 'ar', '@direction': 'rtl' } })],
    ['a JSON literal', document({ 'ex:p': { '@value': 'x', '@type': '@json' } })],
    ['an index', document({ 'ex:p': { '@value': 'x', '@index': 'i' } })],
    ['@vocab', { '@context': { ...context, '@vocab': 'http://example.org/' }, '@graph': [] }],
    ['@base', { '@context': { ...context, '@base': 'http://example.org/' }, '@graph': [] }],
    ['a container', { '@context': { ...context, 'ex:p': { '@id': 'ex:p', '@container': '@list' } }, '@graph': [] }],
    ['a vocabulary-relative @type', { '@context': { ...context, 'ex:p': { '@id': 'ex:p', '@type': '@vocab' } }, '@graph': [] }],
    ['a term named as another IRI', { '@context': { ...context, 'ex:p': { '@id': 'ex:q' } }, '@graph': [] }],
    ['a string that is no prefix', { '@context': { ...context, ex2: 'http://example.org/x' }, '@graph': [] }],
    ['an array of contexts', { '@context': [context], '@graph': [] }],
    ['a document without @graph', { '@context': context, '@id': 'ex:a', 'ex:p': 'x' }],
  ])('throws on %s', (_name, doc) => {
    expect(() => compactedTriples(doc)).toThrow(UnsupportedJsonLdError);
  });
});
