import { beforeAll, describe, expect, it } from 'vitest';
import type { ObjectInfo, PropertyInfo } from '../../src/schema/model.js';
import { compileRelease } from '../../src/build/index.js';
import { entityDocumentPath, jsonldDocuments } from '../../src/publish/jsonld.js';
import { rdfDumps } from '../../src/publish/rdf.js';
import { expandSafely, jsonldToNQuads, RemoteDocumentRefused } from '../helpers/jsonld-offline.js';
import { contextTerms, jsonldContext, termIndex } from '../../src/compile/rdf/terms.js';
import { realAndFictionalReleases, type Release } from '../helpers/fixture.js';
import { parseCsv } from '../helpers/read-tables.js';

type Json = { [key: string]: any };

const REAL_BASE = 'https://w3id.org/sg-kr-partnership/';
const FICTIONAL_BASE = 'https://example.org/fictional/';

let real: Release;
let fictional: Release;

beforeAll(async () => {
  [real, fictional] = await realAndFictionalReleases();
});

/** Every property of the model, structured objects' properties included, with where it is. */
function allProperties(object: ObjectInfo, where: string): [string, PropertyInfo][] {
  return object.properties.flatMap((p) => [
    [`${where}.${p.name}`, p] as [string, PropertyInfo],
    ...(p.object ? allProperties(p.object, `${where}.${p.name}`) : []),
  ]);
}

describe('the JSON-LD context', () => {
  it('has a term for every predicate of every schema property, expanding to that predicate', () => {
    const schemas = real.schemas;
    const terms = termIndex(contextTerms(schemas));
    const context = jsonldContext(schemas, REAL_BASE);
    const properties = schemas.kinds.flatMap((kind) => allProperties(kind, kind.kind));
    expect(properties.length).toBeGreaterThan(100);
    for (const [where, property] of properties) {
      expect(property.rdf?.predicates.length, where).toBeGreaterThan(0);
      for (const predicate of property.rdf?.predicates ?? []) {
        const term = terms.termFor(predicate, property);
        expect(context[term], `${where} -> ${predicate}`).toMatchObject({ '@id': predicate });
      }
    }
  });

  it('coerces references to IRIs, texts to their language, and codes to IRIs under their prefix', () => {
    const context = JSON.parse(real.text('context.jsonld'))['@context'];
    expect(context['eli:refers_to']).toEqual({ '@id': 'eli:refers_to', '@type': '@id' });
    expect(context['schema:text']).toEqual({ '@id': 'schema:text', '@language': 'en' });
    expect(context['eli:number']).toEqual({ '@id': 'eli:number' });
    expect(context.spv).toBe(`${REAL_BASE}vocab#`);
    // schema:location is a text for events and a reference for organisations: two terms.
    expect(context['schema:location']).toEqual({ '@id': 'schema:location', '@language': 'en' });
    expect(context.schema_location_iri).toEqual({ '@id': 'schema:location', '@type': '@id' });
  });
});

describe('partnership.jsonld', () => {
  it('is one compacted graph with the context inlined: every record with an id is a node, then every code with its classes', () => {
    const doc = JSON.parse(real.text('partnership.jsonld'));
    expect(doc['@context']).toEqual(JSON.parse(real.text('context.jsonld'))['@context']);
    const ids = doc['@graph'].map((n: Json) => n['@id']);
    const records = real.catalog.records.length;
    expect(ids.slice(0, records)).toEqual(real.catalog.records.map((r) => REAL_BASE + r.id));
    // Then the codes (under the vocabulary) and the outside resources the graph types (licence, language, theme).
    expect(
      ids
        .slice(records)
        .filter((id: string) => id.startsWith(REAL_BASE))
        .every((id: string) => id.startsWith(`${REAL_BASE}vocab#`)),
    ).toBe(true);
    expect(ids.slice(records).filter((id: string) => !id.startsWith(REAL_BASE))).toEqual([
      'http://publications.europa.eu/resource/authority/data-theme/INTR',
      'http://publications.europa.eu/resource/authority/language/ENG',
      'http://publications.europa.eu/resource/authority/planned-availability/STABLE',
      'https://creativecommons.org/licenses/by/4.0/',
    ]);
    expect(doc['@graph'].find((n: Json) => n['@id'] === `${REAL_BASE}vocab#agreement-kind/treaty`)).toEqual({
      '@id': `${REAL_BASE}vocab#agreement-kind/treaty`,
      '@type': ['skos:Concept', 'eli:WorkType'],
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('expands in safe mode with no network access', async () => {
    const doc = JSON.parse(real.text('partnership.jsonld'));
    const expanded = (await expandSafely(doc)) as Json[];
    expect(expanded).toHaveLength(JSON.parse(real.text('partnership.jsonld'))['@graph'].length);
  });

  it('gives structured objects IRIs (record IRI + #property[-position]), never blank nodes', async () => {
    const doc = JSON.parse(real.text('partnership.jsonld'));
    const partnership = doc['@graph'].find((n: Json) => n['@id'] === `${REAL_BASE}partnership/rok-singapore-strategic-partnership`);
    expect(partnership['spv:announcementClaim'].map((c: Json) => [c['@id'], c['dcterms:date']])).toEqual([
      [`${REAL_BASE}partnership/rok-singapore-strategic-partnership#announced-1`, { '@value': '2025-11-02', '@type': 'xsd:date' }],
      [`${REAL_BASE}partnership/rok-singapore-strategic-partnership#announced-2`, { '@value': '2025-11-01', '@type': 'xsd:date' }],
    ]);
    expect(partnership['spv:reviewArrangement']['@id']).toBe(`${REAL_BASE}partnership/rok-singapore-strategic-partnership#review`);
    expect(partnership['spv:reviewArrangement']['spv:reviewer']).toEqual([`${REAL_BASE}org/kr-foreign-ministry`, `${REAL_BASE}org/sg-mfa`]);
    const nquads = await jsonldToNQuads(doc);
    expect(nquads).not.toContain('_:');
  });
});

describe('the per-entity documents', () => {
  it('exist for every record with an id, nested paragraphs included, as site/<id>.jsonld and site/<id>.ttl', () => {
    const paths = new Set(real.artifacts.map((a) => a.path));
    for (const record of real.catalog.records) {
      expect(paths.has(entityDocumentPath(record.id, 'jsonld')), record.id).toBe(true);
      expect(paths.has(entityDocumentPath(record.id, 'ttl')), record.id).toBe(true);
    }
    expect(entityDocumentPath('joint-statement/para/11.1', 'jsonld')).toBe('site/joint-statement/para/11.1.jsonld');
  });

  it('describe the entity with the real values, with only the terms they use in their context', async () => {
    const doc = JSON.parse(real.text('site/joint-statement/para/11.1.jsonld'));
    expect(doc).toMatchObject({
      '@id': `${REAL_BASE}joint-statement/para/11.1`,
      '@type': ['eli:WorkSubdivision', 'schema:CreativeWork', 'doco:Paragraph'],
      'eli:number': '11.1',
      'schema:text':
        'Cooperate in the green economy and on climate change initiatives through the effective implementation of the MOU on Green Economic Cooperation concluded in 2023.',
      'eli:refers_to': [`${REAL_BASE}agreement/mou-green-economic-cooperation`],
      'eli:is_about': `${REAL_BASE}pillar/iii`,
      'eli:is_part_of': `${REAL_BASE}joint-statement/para/11`,
    });
    expect(doc['@context']['schema:text']).toEqual({ '@id': 'schema:text', '@language': 'en' });
    expect(doc['@context']['org:holds']).toBeUndefined();
    const nquads = await jsonldToNQuads(doc);
    expect(nquads).toContain(
      `<${REAL_BASE}joint-statement/para/11.1> <http://data.europa.eu/eli/ontology#refers_to> <${REAL_BASE}agreement/mou-green-economic-cooperation> .`,
    );
    expect(nquads).toContain(`<${REAL_BASE}joint-statement/para/11.1> <http://data.europa.eu/eli/ontology#number> "11.1" .`);
  });

  it("embed the entity's structured objects (a person's roles)", () => {
    const doc = JSON.parse(fictional.text('site/person/ada-quill.jsonld'));
    expect(doc['org:holds']).toEqual([
      expect.objectContaining({
        '@id': `${FICTIONAL_BASE}person/ada-quill#roles-1`,
        '@type': ['org:Post', 'schema:Role'],
        'org:postIn': `${FICTIONAL_BASE}country/xa#state`,
      }),
    ]);
  });
});

describe('the offline document loader', () => {
  it('refuses a remote context instead of fetching it', async () => {
    await expect(expandSafely({ '@context': 'https://schema.org/', name: 'x' })).rejects.toSatisfy(
      (error: Json) => error instanceof RemoteDocumentRefused || error?.details?.cause instanceof RemoteDocumentRefused,
    );
  });

  it('serves the local contexts it is given', async () => {
    const context = JSON.parse(real.text('context.jsonld'));
    const url = `${REAL_BASE}context.jsonld`;
    const expanded = (await expandSafely(
      { '@context': url, '@id': `${REAL_BASE}x`, 'eli:number': '1' },
      new Map([[url, context]]),
    )) as Json[];
    expect(expanded[0]?.['http://data.europa.eu/eli/ontology#number']).toEqual([{ '@value': '1' }]);
  });

  it('makes safe mode reject a term the context does not define', async () => {
    await expect(expandSafely({ '@context': {}, '@id': `${REAL_BASE}x`, undefinedTerm: 'lost' })).rejects.toThrow();
  });
});

describe('a configured base IRI', () => {
  it('moves every entity IRI and the project namespace, and the proof still holds', async () => {
    const base = 'https://data.example.net/other/';
    const artifacts = await compileRelease(fictional.catalog, fictional.schemas, {
      baseIri: base,
      publishers: [jsonldDocuments, rdfDumps],
    });
    const text = (path: string) => String(artifacts.find((a) => a.path === path)?.content);
    const doc = JSON.parse(text('partnership.jsonld'));
    expect(doc['@context'].spv).toBe(`${base}vocab#`);
    const subjects = new Set(
      text('partnership.nq')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(1, l.indexOf('>'))),
    );
    // Outside the base, only the resources the graph types (its licence, language): nothing else is said of them.
    const outside = text('partnership.nq')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith(`<${base}`));
    expect(outside.every((l) => l.includes('> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <'))).toBe(true);
    expect([...subjects].filter((s) => s.startsWith(base)).length).toBeGreaterThan(20);
    const fromJsonld = [...new Set((await jsonldToNQuads(doc)).split('\n').filter(Boolean))].sort();
    expect(`${fromJsonld.join('\n')}\n`).toBe(text('partnership.nq'));
  });
});

describe('structured objects in the CSVW and in the linked data', () => {
  it('have the same IRIs: every row the CSVW says describes a structured object names a node of the graph', () => {
    const metadata = JSON.parse(fictional.text('csv-metadata.json'));
    const nquads = fictional.text('partnership.nq');
    let rows = 0;
    for (const table of metadata.tables as Json[]) {
      const about: string = table.tableSchema.aboutUrl;
      if (!about.includes('#')) continue;
      for (const row of parseCsv(fictional.text(table.url)).rows) {
        const iri = about.replace(/\{\+?([a-z_]+)\}/g, (_all, name: string) => String(row[name]));
        expect(nquads.startsWith(`<${iri}> `) || nquads.includes(`\n<${iri}> `), `${table.url}: ${iri}`).toBe(true);
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(2);
    expect(nquads).toContain(
      `<${FICTIONAL_BASE}person/ada-quill#roles-1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#Post> .`,
    );
  });
});
