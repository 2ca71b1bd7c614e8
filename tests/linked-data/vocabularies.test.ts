/**
 * The graph and the catalogue read under the official vocabularies (copies in
 * ../shared/vocabularies/): every class and property exists, every triple fits its
 * predicate's domain and range, and the catalogue passes DCAT-AP 3.0.1's SHACL
 * shapes, so a later change cannot bring a misfit back.
 */
import { readFileSync } from 'node:fs';
import { Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonldToNQuads } from '../helpers/jsonld-offline.js';
import { realAndFictionalReleases, type Release } from '../helpers/fixture.js';
import { loadVocabularies, VocabularyCheck, VOCABULARY_DIR } from '../helpers/vocabularies.js';

const BASE = 'https://w3id.org/sg-kr-partnership/';
const SH = 'http://www.w3.org/ns/shacl#';

let real: Release;
let fictional: Release;
let vocabularies: Store;

beforeAll(async () => {
  [real, fictional] = await realAndFictionalReleases();
  vocabularies = loadVocabularies();
}, 60_000);

const quads = (text: string, format: 'Turtle' | 'N-Quads'): Quad[] => new Parser({ format }).parse(text);

async function catalogueQuads(release: Release): Promise<Quad[]> {
  return quads(await jsonldToNQuads(JSON.parse(release.text('catalog.jsonld'))), 'N-Quads');
}

function checker(release: Release): VocabularyCheck {
  const vocab = new Store(quads(release.text('vocab.ttl'), 'Turtle'));
  const [namespace] = vocab.getObjects(null, 'http://purl.org/vocab/vann/preferredNamespaceUri', null);
  if (!namespace) throw new Error('vocab.ttl names no namespace');
  return new VocabularyCheck(vocabularies, vocab, namespace.value);
}

describe.each([
  ['the curated data', () => real],
  ['the fictional fixture', () => fictional],
])('under the official vocabularies, %s', (_name, release) => {
  it('the graph uses only existing terms, each within its domain and range', () => {
    expect(checker(release()).check(quads(release().text('partnership.nq'), 'N-Quads'))).toEqual([]);
  });

  it('the catalogue uses only existing terms, each within its domain and range', async () => {
    expect(checker(release()).check(await catalogueQuads(release()))).toEqual([]);
  });

  it('the catalogue passes DCAT-AP 3.0.1 SHACL with no violation', async () => {
    const shapes = new Store(quads(readFileSync(new URL('dcat-ap-3.0.1-shacl.ttl', VOCABULARY_DIR), 'utf8'), 'Turtle'));
    const report = await new SHACLValidator(shapes).validate(new Store(await catalogueQuads(release())));
    const results = report.results.map(
      (r) =>
        `${r.focusNode?.value} ${r.path?.value ?? ''} ${r.sourceConstraintComponent?.value.replace(SH, 'sh:')} ${r.sourceShape?.value}`,
    );
    expect(results).toEqual([]);
  });
});

describe('one description of the dataset', () => {
  it('says in the catalogue (which the landing page embeds) every triple the graph says of the dataset and its publisher', async () => {
    const dataset = `<${BASE}dataset`;
    const graph = real
      .text('partnership.nq')
      .split('\n')
      .filter((l) => l.startsWith(`${dataset}> `) || l.startsWith(`${dataset}#`));
    const catalogue = new Set((await jsonldToNQuads(JSON.parse(real.text('catalog.jsonld')))).split('\n'));
    expect(graph.length).toBeGreaterThan(30);
    expect(graph.filter((l) => !catalogue.has(l))).toEqual([]);
    expect([...catalogue].filter((l) => l.includes('_:'))).toEqual([]);
  });

  it('names the language by the EU authority and types the licence, the language and the publisher', () => {
    const nquads = real.text('partnership.nq');
    const type = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
    expect(nquads).toContain(
      `<${BASE}dataset> <http://purl.org/dc/terms/language> <http://publications.europa.eu/resource/authority/language/ENG> .\n`,
    );
    expect(nquads).toContain(
      `<http://publications.europa.eu/resource/authority/language/ENG> ${type} <http://purl.org/dc/terms/LinguisticSystem> .\n`,
    );
    expect(nquads).toContain(`<https://creativecommons.org/licenses/by/4.0/> ${type} <http://purl.org/dc/terms/LicenseDocument> .\n`);
    expect(nquads).toContain(`<${BASE}dataset> <https://schema.org/publisher> <${BASE}dataset#publisher> .\n`);
    expect(nquads).toContain(`<${BASE}dataset#publisher> ${type} <https://schema.org/Organization> .\n`);
  });

  it("gives every distribution the planned availability dataset.yaml states, with the EU table's label, and none where it states none", async () => {
    const availability = 'http://publications.europa.eu/resource/authority/planned-availability/STABLE';
    const realQuads = await catalogueQuads(real);
    const distributions = realQuads
      .filter(
        (q) =>
          q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type' &&
          q.object.value === 'http://www.w3.org/ns/dcat#Distribution',
      )
      .map((q) => q.subject.value);
    const available = realQuads.filter((q) => q.predicate.value === 'http://data.europa.eu/r5r/availability');
    expect(distributions.length).toBeGreaterThan(60);
    expect(available.map((q) => q.subject.value).sort()).toEqual(distributions.sort());
    expect(new Set(available.map((q) => q.object.value))).toEqual(new Set([availability]));
    expect(
      realQuads
        .filter((q) => q.subject.value === availability)
        .map((q) => `${q.predicate.value} ${q.object.value} ${q.object.termType === 'Literal' ? q.object.language : ''}`),
    ).toEqual(expect.arrayContaining(['http://www.w3.org/2004/02/skos/core#prefLabel stable en']));
    expect(real.text('partnership.nq')).toContain(`<${BASE}dataset> <${BASE}vocab#plannedAvailability> <${availability}> .\n`);
    expect((await catalogueQuads(fictional)).filter((q) => q.predicate.value === 'http://data.europa.eu/r5r/availability')).toEqual([]);
  });

  it('makes a country act through its state wherever an agent is expected', () => {
    const nquads = real.text('partnership.nq');
    expect(nquads).toContain(`<${BASE}joint-statement> <http://purl.org/dc/terms/creator> <${BASE}country/sg#state> .\n`);
    // A commitment's actors are agents too; a party claim's value is the country its source names.
    expect(nquads).toContain(`<${BASE}commitment/6-1-renew-iea> <${BASE}vocab#actor> <${BASE}country/sg#state> .\n`);
    expect(nquads).toContain(`<${BASE}country/sg> <${BASE}vocab#state> <${BASE}country/sg#state> .\n`);
    expect(nquads).toContain(`<${BASE}country/sg#state> <https://schema.org/legalName> "Republic of Singapore"@en .\n`);
    expect(nquads).not.toContain(`<${BASE}country/sg> <https://schema.org/legalName>`);
  });
});

describe('the documents of the vocabulary and the catalogue', () => {
  it.each([['site/vocab'], ['site/dataset/catalog']])(
    '%s: its JSON-LD (safe mode, offline) and its Turtle are the same graph, with no blank node',
    async (stem) => {
      const key = (q: Quad) =>
        `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal' ? JSON.stringify([q.object.value, q.object.language, q.object.datatype.value]) : q.object.value}`;
      const fromJsonld = quads(await jsonldToNQuads(JSON.parse(real.text(`${stem}.jsonld`))), 'N-Quads');
      const fromTurtle = quads(real.text(`${stem}.ttl`), 'Turtle');
      expect(fromJsonld.length).toBeGreaterThan(50);
      expect([...new Set(fromJsonld.map(key))].sort()).toEqual([...new Set(fromTurtle.map(key))].sort());
      expect(fromTurtle.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toEqual([]);
    },
  );

  it('the catalogue document is catalog.jsonld, and the vocabulary document says what vocab.ttl says', () => {
    expect(real.text('site/dataset/catalog.jsonld')).toBe(real.text('catalog.jsonld'));
    expect(real.text('site/vocab.ttl')).toBe(real.text('vocab.ttl'));
  });
});

describe('what the CSVW carries', () => {
  it('carries every predicate of the graph but those the README names (mirrors, inverses, agents, languages, conditional terms)', () => {
    const metadata = JSON.parse(real.text('csv-metadata.json')) as {
      tables: { tableSchema: { columns: { propertyUrl?: string; suppressOutput?: boolean }[] } }[];
    };
    const carried = new Set(
      metadata.tables.flatMap((t) => t.tableSchema.columns.filter((c) => c.propertyUrl && !c.suppressOutput).map((c) => c.propertyUrl)),
    );
    const lines = real.text('partnership.nq').split('\n').filter(Boolean);
    const predicates = new Set(lines.map((l) => l.split(' ')[1]?.slice(1, -1) ?? ''));
    const documented = new Set([
      'http://data.europa.eu/eli/ontology#date_document',
      'http://data.europa.eu/eli/ontology#has_part',
      'http://data.europa.eu/eli/ontology#is_referred_to_by',
      'http://purl.org/dc/terms/language',
      'http://purl.org/dc/terms/subject',
      'http://www.w3.org/2000/01/rdf-schema#label',
      'http://www.w3.org/2004/02/skos/core#altLabel',
      'http://www.w3.org/2004/02/skos/core#topConceptOf',
      'http://www.w3.org/ns/prov#wasDerivedFrom',
      'https://schema.org/author',
      'https://schema.org/citation',
      'https://schema.org/datePublished',
      'https://schema.org/hasPart',
      'https://schema.org/isPartOf',
      'https://schema.org/keywords',
      'https://schema.org/license',
      'https://schema.org/parentOrganization',
      'https://schema.org/publisher',
      'https://schema.org/variableMeasured',
      'https://schema.org/version',
      `${BASE}vocab#country`,
      `${BASE}vocab#reviewArrangement`,
      `${BASE}vocab#state`,
      // Mirrors of another field's first predicate, absent from this release's data today.
      'http://data.europa.eu/eli/ontology#first_date_entry_in_force',
      'https://schema.org/legislationDateOfApplicability',
    ]);
    expect([...predicates].filter((p) => !carried.has(p) && !documented.has(p))).toEqual([]);
    const share = lines.filter((l) => carried.has(l.split(' ')[1]?.slice(1, -1) ?? '')).length / lines.length;
    expect(share).toBeGreaterThan(0.7);
  });
});

describe('the check itself', () => {
  it('reports a term that does not exist, a subject outside the domain and an object outside the range', () => {
    const check = checker(real);
    const graph = quads(
      [
        `<${BASE}x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://data.europa.eu/eli/ontology#Paragraph> .`,
        `<${BASE}x> <http://data.europa.eu/eli/ontology#no_such_term> "1" .`,
        `<${BASE}x> <http://data.europa.eu/eli/ontology#date_document> "2025"^^<http://www.w3.org/2001/XMLSchema#gYear> .`,
        `<${BASE}y> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://data.europa.eu/eli/ontology#Work> .`,
        `<${BASE}y> <http://data.europa.eu/eli/ontology#date_document> "2025-11-02"^^<http://www.w3.org/2001/XMLSchema#date> .`,
        `<${BASE}y> <https://schema.org/publisher> "someone" .`,
      ].join('\n'),
      'N-Quads',
    );
    expect(check.check(graph).map((m) => [m.problem, m.count])).toEqual([
      ['http://data.europa.eu/eli/ontology#Paragraph: no such class in its vocabulary', 1],
      [
        'http://data.europa.eu/eli/ontology#date_document domain http://data.europa.eu/eli/ontology#Work: subject typed http://data.europa.eu/eli/ontology#Paragraph',
        1,
      ],
      [
        'http://data.europa.eu/eli/ontology#date_document range http://www.w3.org/2001/XMLSchema#date: literal http://www.w3.org/2001/XMLSchema#gYear',
        1,
      ],
      ['http://data.europa.eu/eli/ontology#no_such_term: no such property in its vocabulary', 1],
      [
        'https://schema.org/publisher domain https://schema.org/CreativeWork | https://schema.org/FinancialIncentive: subject typed http://data.europa.eu/eli/ontology#Work',
        1,
      ],
      // schema:publisher is owl:equivalentProperty of dcterms:publisher, whose range it takes too.
      ['https://schema.org/publisher range http://purl.org/dc/terms/Agent: literal http://www.w3.org/2001/XMLSchema#string', 1],
      [
        'https://schema.org/publisher range https://schema.org/Person | https://schema.org/Organization: literal http://www.w3.org/2001/XMLSchema#string',
        1,
      ],
    ]);
  });
});
