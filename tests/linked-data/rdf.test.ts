import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listYamlFiles } from '../../src/load/files.js';
import { jsonldToNQuads } from '../helpers/jsonld-offline.js';
import { dataPrefixes, expandCurie } from '../../src/compile/rdf/prefixes.js';
import { canonicalNQuads } from '../helpers/release.js';
import { compiledRelease, REAL_DATA, realAndFictionalReleases, type Release } from '../helpers/fixture.js';
import { compareText } from '../../src/util/compare.js';

const BASE = 'https://w3id.org/sg-kr-partnership/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

let real: Release;
let fictional: Release;

beforeAll(async () => {
  [real, fictional] = await realAndFictionalReleases();
});

const lines = (nquads: string) => nquads.split('\n').filter((line) => line !== '');

/** N3.js's reading of a Turtle or N-Quads text, as sorted N-Triples lines (no blank nodes to relabel). */
function graphOf(text: string, format: 'Turtle' | 'N-Quads'): string[] {
  const quads = new Parser({ format }).parse(text);
  const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }) =>
    t.termType === 'NamedNode'
      ? `<${t.value}>`
      : t.termType === 'Literal'
        ? JSON.stringify([t.value, t.language, t.datatype?.value])
        : `_:${t.value}`;
  return quads.map((q) => `${term(q.subject)} ${term(q.predicate)} ${term(q.object as never)}`).sort();
}

describe.each([
  ['the curated data', () => real],
  ['the fictional fixture', () => fictional],
])('partnership.nq from %s', (_name, release) => {
  it('is exactly the graph jsonld.js reads from partnership.jsonld (safe mode, offline)', async () => {
    const fromJsonld = await jsonldToNQuads(JSON.parse(release().text('partnership.jsonld')));
    const expected = [...new Set(lines(fromJsonld))].sort();
    expect(lines(release().text('partnership.nq'))).toEqual(expected);
  });

  it('is canonical: sorted, each triple once, no blank nodes, default graph only', () => {
    const nquads = release().text('partnership.nq');
    const all = lines(nquads);
    expect(all).toEqual([...new Set(all)].sort(compareText));
    expect(nquads).not.toMatch(/_:/);
    for (const line of all) expect(line).toMatch(/^<[^>]+> <[^>]+> (<[^>]+>|".*"(@[a-z]+|\^\^<[^>]+>)?) \.$/);
    expect(nquads.endsWith('.\n')).toBe(true);
  });

  it('reads back from partnership.ttl as the same graph (N3.js)', () => {
    const turtle = release().text('partnership.ttl');
    expect(turtle).toMatch(/^@prefix eli: <http:\/\/data\.europa\.eu\/eli\/ontology#>\.$/m);
    expect(graphOf(turtle, 'Turtle')).toEqual(graphOf(release().text('partnership.nq'), 'N-Quads'));
  });
});

describe('the triples', () => {
  it('give every text of the joint statement, as in data/, as the schema:text of its paragraph node', async () => {
    const dir = path.join(REAL_DATA, 'sections/joint-statement');
    const texts: [string, string][] = [];
    const walk = (paragraphs: unknown) => {
      for (const p of (paragraphs as { id: string; text: string; paragraphs?: unknown }[] | undefined) ?? []) {
        texts.push([p.id, p.text]);
        walk(p.paragraphs);
      }
    };
    for (const file of await listYamlFiles(dir)) walk(parse(await readFile(path.join(dir, file), 'utf8')).paragraphs);
    expect(texts.length).toBeGreaterThan(60);
    const graph = new Set(graphOf(real.text('partnership.nq'), 'N-Quads'));
    for (const [id, text] of texts) {
      expect(
        graph.has(
          `<${BASE}${id}> <https://schema.org/text> ${JSON.stringify([text, 'en', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString'])}`,
        ),
        id,
      ).toBe(true);
    }
    expect(real.text('partnership.nq')).toContain(
      `<${BASE}joint-statement/para/11.1> <https://schema.org/text> "Cooperate in the green economy and on climate change initiatives through the effective implementation of the MOU on Green Economic Cooperation concluded in 2023."@en .\n`,
    );
  });

  it('type dates by their precision, numbers as decimals, and mirror each predicate', () => {
    const nquads = real.text('partnership.nq');
    expect(nquads).toContain(`<${BASE}agreement/ksfta#dateInForce-1> <${RDF}value> "2006"^^<${XSD}gYear> .\n`);
    expect(nquads).toContain(
      `<${BASE}agreement/mou-kdca-cda-communicable-disease#dateSigned-1> <${RDF}value> "2024-05"^^<${XSD}gYearMonth> .\n`,
    );
    // ELI's date terms take full dates (xsd:date) only.
    expect(nquads).toContain(`<${BASE}joint-statement> <http://data.europa.eu/eli/ontology#date_document> "2025-11-02"^^<${XSD}date> .\n`);
    expect(nquads).toContain(`<${BASE}statistic/visitors-kr-to-sg-2024> <https://schema.org/value> "595000"^^<${XSD}decimal> .\n`);
    expect(nquads).toContain(
      `<${BASE}joint-statement/para/11.1> <http://data.europa.eu/eli/ontology#is_part_of> <${BASE}joint-statement/para/11> .\n`,
    );
    expect(nquads).toContain(`<${BASE}joint-statement/para/11.1> <https://schema.org/isPartOf> <${BASE}joint-statement/para/11> .\n`);
    expect(nquads).toContain(
      `<${BASE}agreement/mou-green-economic-cooperation> <http://data.europa.eu/eli/ontology#is_referred_to_by> <${BASE}joint-statement/para/11.1> .\n`,
    );
    // A document has its sections as parts, the inverse of each section's document.
    expect(nquads).toContain(
      `<${BASE}joint-statement> <http://data.europa.eu/eli/ontology#has_part> <${BASE}joint-statement/section/pillar-iii> .\n`,
    );
    expect(nquads).toContain(
      `<${BASE}joint-statement/section/pillar-iii> <http://data.europa.eu/eli/ontology#is_part_of> <${BASE}joint-statement> .\n`,
    );
  });

  it('escape literals as canonical N-Quads does', () => {
    const line = canonicalNQuads([
      { subject: `${BASE}x`, predicate: `${BASE}p`, object: { kind: 'literal', value: 'a "b"\\\n\tc\u0001', lang: 'en' } },
    ]);
    expect(line).toBe(`<${BASE}x> <${BASE}p> "a \\"b\\"\\\\\\n\\tc\\u0001"@en .\n`);
  });
});

describe('reproducibility', () => {
  it('gives identical bytes for the dumps when the release is compiled again', async () => {
    const again = await compiledRelease(REAL_DATA);
    for (const file of [
      'partnership.nq',
      'partnership.ttl',
      'partnership.jsonld',
      'context.jsonld',
      'site/joint-statement/para/11.1.ttl',
    ]) {
      expect(again.text(file), file).toBe(real.text(file));
    }
  });
});

describe('the DCAT catalogue', () => {
  it('lists the linked-data dumps with their media types, and no per-entity documents', () => {
    const graph: { [key: string]: any }[] = JSON.parse(fictional.text('catalog.jsonld'))['@graph'];
    const mediaTypes = Object.fromEntries(
      graph
        .filter((n) => [n['@type']].flat().includes('dcat:Distribution'))
        .map((n) => [n['dcterms:title'], n['dcat:mediaType']['@id'].replace('https://www.iana.org/assignments/media-types/', '')]),
    );
    expect(mediaTypes).toMatchObject({
      'partnership.jsonld': 'application/ld+json',
      'context.jsonld': 'application/ld+json',
      'partnership.nq': 'application/n-quads',
      'partnership.ttl': 'text/turtle',
    });
    expect(Object.keys(mediaTypes).filter((p) => p.startsWith('site/'))).toEqual([]);
  });
});

describe('nothing dropped', () => {
  it('publishes every field of every record under each of its predicates', () => {
    const graph = new Set(lines(real.text('partnership.nq')).map((line) => /^<[^>]+> <[^>]+>/.exec(line)?.[0]));
    const prefixes = dataPrefixes(BASE);
    let checked = 0;
    for (const record of real.catalog.records) {
      const kind = real.schemas.byKind.get(record.kind);
      for (const property of kind?.properties ?? []) {
        if (record.fields[property.name] === undefined) continue;
        // A property an agent carries (x-rdf-agent: a country's official name is its state's) is on the agent's node.
        const agent = kind?.agent?.properties.includes(property.name) ? `#${kind.agent.fragment}` : '';
        for (const predicate of property.rdf?.predicates ?? []) {
          // Predicates published only for some values or holders (x-rdf `only`) are checked in vocabularies.test.ts.
          if (property.rdf?.only?.[predicate]) continue;
          expect(
            graph.has(`<${BASE}${record.id}${agent}> <${expandCurie(predicate, prefixes)}>`),
            `${record.id} ${property.name} ${predicate}`,
          ).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('the per-entity documents', () => {
  it.each([
    ['the curated data', () => real, BASE],
    ['the fictional fixture', () => fictional, 'https://example.org/fictional/'],
  ])('hold exactly the triples of the entity and its structured objects, in JSON-LD and Turtle (%s)', async (_name, release, base) => {
    const bySubject = new Map<string, string[]>();
    for (const line of lines(release().text('partnership.nq'))) {
      const id = line.slice(1 + base.length, line.indexOf('>')).split('#')[0] ?? '';
      bySubject.set(id, [...(bySubject.get(id) ?? []), line]);
    }
    for (const record of release().catalog.records) {
      const own = bySubject.get(record.id) ?? [];
      expect(own.length, record.id).toBeGreaterThan(2);
      const fromJsonld = [...new Set(lines(await jsonldToNQuads(JSON.parse(release().text(`site/${record.id}.jsonld`)))))].sort();
      expect(fromJsonld, record.id).toEqual(own);
      expect(graphOf(release().text(`site/${record.id}.ttl`), 'Turtle'), record.id).toEqual(graphOf(own.join('\n'), 'N-Quads'));
    }
  });
});
