import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { beforeAll, describe, expect, it } from 'vitest';
import { realAndFictionalReleases, type Release } from '../helpers/fixture.js';

const BASE = 'https://w3id.org/sg-kr-partnership/';
const SH = 'http://www.w3.org/ns/shacl#';

let real: Release;
let fictional: Release;

beforeAll(async () => {
  [real, fictional] = await realAndFictionalReleases();
});

const store = (text: string, format: 'Turtle' | 'N-Quads') => new Store(new Parser({ format }).parse(text));

async function validate(release: Release, nquads: string) {
  const validator = new SHACLValidator(store(release.text('shapes.ttl'), 'Turtle'));
  const report = await validator.validate(store(nquads, 'N-Quads'));
  return {
    conforms: report.conforms,
    results: report.results.map((r) => ({
      focus: r.focusNode?.value,
      path: r.path?.value,
      component: r.sourceConstraintComponent?.value.replace(SH, 'sh:'),
    })),
  };
}

describe('shapes.ttl', () => {
  it.each([
    ['the curated data', () => real],
    ['the fictional fixture', () => fictional],
  ])('is conformed to by the graph built from %s', async (_name, release) => {
    const report = await validate(release(), release().text('partnership.nq'));
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('targets each kind by the class only it has, with a property shape per predicate', () => {
    const shapes = store(real.text('shapes.ttl'), 'Turtle');
    const ns = `${BASE}shapes#`;
    const objects = (subject: string, predicate: string) => shapes.getObjects(subject, SH + predicate, null).map((o) => o.value);
    expect(objects(`${ns}paragraph`, 'targetClass')).toEqual(['http://purl.org/spar/doco/Paragraph']);
    expect(objects(`${ns}agreement`, 'targetClass')).toEqual([`${BASE}vocab#Instrument`]);
    expect(objects(`${ns}paragraph`, 'property')).toContain(`${ns}paragraph-text-schema_text`);
    // A status is a list of claims (none where no source states one); each claim has exactly one value.
    const statusClaims = `${ns}agreement-status-spv_statusClaim`;
    expect([
      objects(statusClaims, 'path'),
      objects(statusClaims, 'minCount'),
      objects(statusClaims, 'maxCount'),
      objects(statusClaims, 'class'),
    ]).toEqual([[`${BASE}vocab#statusClaim`], [], [], [`${BASE}vocab#AgreementStatusClaim`]]);
    expect(objects(`${ns}agreement-status`, 'targetClass')).toEqual([`${BASE}vocab#AgreementStatusClaim`]);
    const status = `${ns}agreement-status-value-rdf_value`;
    expect([objects(status, 'path'), objects(status, 'minCount'), objects(status, 'maxCount'), objects(status, 'nodeKind')]).toEqual([
      ['http://www.w3.org/1999/02/22-rdf-syntax-ns#value'],
      ['1'],
      ['1'],
      [`${SH}IRI`],
    ]);
    expect(objects(`${ns}paragraph-cites-eli_refers_to`, 'class')).toEqual([`${BASE}vocab#Instrument`]);
    expect(objects(`${ns}paragraph-cites-eli_refers_to`, 'maxCount')).toEqual([]);
  });

  // One graph with every fault, validated once (each validation of the whole graph takes a second):
  // each fault is reported at its own node and path, and nothing else is.
  it('reports a paragraph without its text, a text without its language, a wrong datatype, an unknown code and a reference to the wrong kind, each at its node and path', async () => {
    const para = `<${BASE}joint-statement/para/11.1>`;
    const other = `<${BASE}joint-statement/para/5.1>`;
    const text = '<https://schema.org/text>';
    const statistic = `<${BASE}statistic/visitors-kr-to-sg-2024>`;
    const statusClaim = `<${BASE}agreement/ksfta#status-1>`;
    const RDF_VALUE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#value>';
    const lines = real.text('partnership.nq').split('\n');
    expect(lines.filter((l) => l.startsWith(`${other} ${text} `) && l.endsWith('"@en .'))).toHaveLength(1);
    const broken = lines
      .filter((l) => !l.startsWith(`${para} ${text} `))
      .map((l) => (l.startsWith(`${other} ${text} `) ? l.replace(/"@en \.$/, '" .') : l))
      .join('\n')
      .replace(
        `${statistic} <https://schema.org/value> "595000"^^<http://www.w3.org/2001/XMLSchema#decimal> .`,
        `${statistic} <https://schema.org/value> "595000" .`,
      )
      .replace(
        `${statusClaim} ${RDF_VALUE} <${BASE}vocab#status/in-force> .`,
        `${statusClaim} ${RDF_VALUE} <${BASE}vocab#status/repealed> .`,
      )
      .replace(/(<[^>]+para\/11\.1> <http:\/\/data\.europa\.eu\/eli\/ontology#refers_to> )<[^>]+>/, `$1<${BASE}country/kr>`);
    const report = await validate(real, broken);
    expect(report.conforms).toBe(false);
    const order = (r: { focus?: string; path?: string; component?: string }) => `${r.focus} ${r.path} ${r.component}`;
    expect(report.results.sort((a, b) => order(a).localeCompare(order(b)))).toEqual([
      {
        focus: `${BASE}agreement/ksfta#status-1`,
        path: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value',
        component: 'sh:InConstraintComponent',
      },
      {
        focus: `${BASE}joint-statement/para/11.1`,
        path: 'http://data.europa.eu/eli/ontology#refers_to',
        component: 'sh:ClassConstraintComponent',
      },
      { focus: `${BASE}joint-statement/para/11.1`, path: 'https://schema.org/text', component: 'sh:MinCountConstraintComponent' },
      { focus: `${BASE}joint-statement/para/5.1`, path: 'https://schema.org/text', component: 'sh:DatatypeConstraintComponent' },
      { focus: `${BASE}joint-statement/para/5.1`, path: 'https://schema.org/text', component: 'sh:LanguageInConstraintComponent' },
      { focus: `${BASE}statistic/visitors-kr-to-sg-2024`, path: 'https://schema.org/value', component: 'sh:DatatypeConstraintComponent' },
    ]);
  });
});

describe('vocab.ttl', () => {
  it('defines the project terms the data uses, with labels and comments from the schemas', () => {
    const vocab = store(real.text('vocab.ttl'), 'Turtle');
    const spv = `${BASE}vocab#`;
    const label = (iri: string) => vocab.getObjects(iri, 'http://www.w3.org/2000/01/rdf-schema#label', null).map((o) => o.value);
    const comment = (iri: string) => vocab.getObjects(iri, 'http://www.w3.org/2000/01/rdf-schema#comment', null).map((o) => o.value);
    expect(label(`${spv}announcementClaim`)).toEqual(['announcement claim']);
    expect(comment(`${spv}legallyBinding`)[0]).toMatch(/^true for a legally binding treaty/);
    expect(label(`${spv}Instrument`)).toEqual(['instrument']);
    // A structured object's class without a description of its own takes the holding property's.
    expect(comment(`${spv}DateClaim`)[0]).toMatch(/^When the partnership was announced, one claim per date/);
    expect(label(`${spv}status/in-force`)).toEqual(['in force']);
    // Every spv: term of the graph is defined in the vocabulary, and nothing else is.
    const used = new Set(
      real
        .text('partnership.nq')
        .match(new RegExp(`<${spv.replace(/[.#/]/g, '\\$&')}[^>]+>`, 'g'))
        ?.map((m) => m.slice(1, -1)),
    );
    const defined = new Set(
      vocab.getSubjects('http://www.w3.org/2000/01/rdf-schema#isDefinedBy', `${BASE}vocab`, null).map((s) => s.value),
    );
    for (const term of used) expect(defined.has(term), term).toBe(true);
    expect([...defined].every((t) => t.startsWith(spv))).toBe(true);
  });
});
