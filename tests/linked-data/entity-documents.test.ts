/**
 * The proof the build does not run itself: every entity's own documents
 * (`site/<id>.jsonld` and `site/<id>.ttl`) are read by jsonld.js (safe mode,
 * offline: nothing dropped, nothing fetched) and by N3.js as exactly the triples
 * of that entity in `partnership.nq`, its structured objects (`<iri>#...`) included.
 */
import { Parser } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { entityIri } from '../../src/model/iri.js';
import { entityDocumentText, graphDocumentParts } from '../../src/compile/linked-data.js';
import { entityDocumentPath } from '../../src/publish/jsonld.js';
import { jsonldToNQuads } from '../helpers/jsonld-offline.js';
import type { Triple } from '../../src/compile/rdf/quads.js';
import { canonicalNQuads, entityDocument, graphDocument } from '../helpers/release.js';
import { realAndFictionalReleases, type Release } from '../helpers/fixture.js';

let real: Release;
let fictional: Release;

beforeAll(async () => {
  [real, fictional] = await realAndFictionalReleases();
});

/** The graph's lines by entity IRI: the subject's own, and those of subjects `<iri>#...`. */
function linesByEntity(nquads: string): Map<string, string[]> {
  const byEntity = new Map<string, string[]>();
  for (const line of nquads.split('\n')) {
    if (line === '') continue;
    const subject = line.slice(1, line.indexOf('>'));
    const entity = subject.split('#')[0] ?? subject;
    const list = byEntity.get(entity) ?? [];
    list.push(`${line}\n`);
    byEntity.set(entity, list);
  }
  return byEntity;
}

/** N3.js's reading of a Turtle text, as canonical N-Quads. */
function turtleAsNQuads(text: string): string {
  const triples: Triple[] = new Parser({ format: 'Turtle' }).parse(text).map((q) => ({
    subject: q.subject.value,
    predicate: q.predicate.value,
    object:
      q.object.termType === 'NamedNode'
        ? { kind: 'iri', iri: q.object.value }
        : {
            kind: 'literal',
            value: q.object.value,
            ...(q.object.termType === 'Literal' && q.object.language
              ? { lang: q.object.language }
              : { datatype: (q.object as { datatype: { value: string } }).datatype.value }),
          },
  }));
  return canonicalNQuads(triples);
}

describe.each([
  ['the curated data', () => real],
  ['the fictional fixture', () => fictional],
])('every entity document from %s', (_name, release) => {
  it("in JSON-LD expands (jsonld.js, safe mode, offline) to exactly its entity's triples", async () => {
    const { catalog, text } = release();
    const base = release().compiled.baseIri;
    const expected = linesByEntity(text('partnership.nq'));
    expect(catalog.records.length).toBeGreaterThan(20);
    for (const record of catalog.records) {
      const iri = entityIri(base, record.id);
      const fromJsonld = await jsonldToNQuads(JSON.parse(text(entityDocumentPath(record.id, 'jsonld'))));
      const got = [
        ...new Set(
          fromJsonld
            .split('\n')
            .filter(Boolean)
            .map((l) => `${l}\n`),
        ),
      ].sort();
      expect(got.join(''), record.id).toBe((expected.get(iri) ?? []).join(''));
    }
  });

  it("in Turtle reads (N3.js) as exactly its entity's triples", () => {
    const { catalog, text } = release();
    const base = release().compiled.baseIri;
    const expected = linesByEntity(text('partnership.nq'));
    for (const record of catalog.records) {
      const got = turtleAsNQuads(text(entityDocumentPath(record.id, 'ttl')));
      expect(got, record.id).toBe((expected.get(entityIri(base, record.id)) ?? []).join(''));
    }
  });
});

describe('entity documents written with a shared context text', () => {
  it('are exactly each entity document as one JSON text', () => {
    for (const release of [real, fictional]) {
      const data = release.compiled.graph;
      for (const node of data.nodes)
        expect(entityDocumentText(node, data), node.iri).toBe(`${JSON.stringify(entityDocument(node, data), null, 2)}\n`);
    }
  });
});

describe('partnership.jsonld written in parts', () => {
  it('is exactly the whole graph document as one JSON text, also for an empty graph', () => {
    const data = fictional.compiled.graph;
    expect(graphDocumentParts(data).join('')).toBe(`${JSON.stringify(graphDocument(data), null, 2)}\n`);
    const empty = { ...data, nodes: [], resources: [] };
    expect(graphDocumentParts(empty).join('')).toBe(`${JSON.stringify(graphDocument(empty), null, 2)}\n`);
    expect(graphDocumentParts(data).length).toBe(data.nodes.length + data.resources.length + 2);
  });
});
