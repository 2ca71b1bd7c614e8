import { DataFactory, Parser, Writer } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/index.js';
import type { RdfLiteral, RdfNode } from '../../src/compile/rdf/graph.js';
import type { PrefixMap } from '../../src/compile/rdf/prefixes.js';
import { nodeTriples, type Triple, tripleLine } from '../../src/compile/rdf/quads.js';
import { sortedTriples, turtle, turtleSerializer } from '../../src/compile/rdf/turtle.js';
import { validateDataDir } from '../../src/validate/index.js';
import { FICTIONAL_DATA, REAL_DATA } from '../helpers/fixture.js';
import { endSynchronously } from '../helpers/n3.js';
import { compareText } from '../../src/util/compare.js';

const { literal, namedNode, quad } = DataFactory;

/**
 * The reference: the writer the project used before, N3.js's Writer declaring
 * the prefixes whose namespace starts a predicate, an IRI object or a datatype,
 * fed the triples in canonical N-Quads order.
 */
function n3Turtle(triples: readonly Triple[], prefixes: PrefixMap): string {
  const iris = new Set<string>();
  for (const t of triples) {
    iris.add(t.predicate);
    if (t.object.kind === 'iri') iris.add(t.object.iri);
    else if (t.object.datatype) iris.add(t.object.datatype);
  }
  const used = Object.fromEntries(Object.entries(prefixes).filter(([, ns]) => [...iris].some((iri) => iri.startsWith(ns))));
  const byLine = new Map(triples.map((t) => [tripleLine(t), t]));
  const sorted = [...byLine.keys()].sort(compareText).map((line) => byLine.get(line) as Triple);
  const writer = new Writer({ prefixes: used });
  for (const t of sorted) {
    const o = t.object;
    const object = o.kind === 'iri' ? namedNode(o.iri) : literal(o.value, o.lang ?? (o.datatype ? namedNode(o.datatype) : undefined));
    writer.addQuad(quad(namedNode(t.subject), namedNode(t.predicate), object));
  }
  return endSynchronously(writer);
}

/** The graph model of a data folder, as the rdf publisher gets it. */
async function graphOf(dataDir: string) {
  const validation = await validateDataDir({ dataDir });
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${dataDir} is invalid: ${JSON.stringify(errors)}`);
  return compile(validation.catalog, validation.schemas).graph;
}

/** Every node, the embedded objects included. */
function allNodes(nodes: readonly RdfNode[]): RdfNode[] {
  const out: RdfNode[] = [];
  const walk = (node: RdfNode) => {
    out.push(node);
    for (const s of node.statements) for (const v of s.values) if (v.kind === 'node') walk(v.node);
  };
  nodes.forEach(walk);
  return out;
}

/** N3.js's reading of a Turtle text as sorted term strings. */
function parsed(text: string): string[] {
  const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }) =>
    t.termType === 'NamedNode' ? `<${t.value}>` : JSON.stringify([t.value, t.language, t.datatype?.value]);
  return new Parser({ format: 'Turtle' })
    .parse(text)
    .map((q) => `${term(q.subject)} ${term(q.predicate)} ${term(q.object as never)}`)
    .sort();
}

const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** The input triples as `parsed` would give them. */
function expectedTerms(triples: readonly Triple[]): string[] {
  return [
    ...new Set(
      triples.map((t) => {
        const o = t.object;
        const object =
          o.kind === 'iri'
            ? `<${o.iri}>`
            : JSON.stringify([o.value, o.lang?.toLowerCase() ?? '', o.lang ? RDF_LANG_STRING : (o.datatype ?? XSD_STRING)]);
        return `<${t.subject}> <${t.predicate}> ${object}`;
      }),
    ),
  ].sort();
}

describe.each([
  ['the curated data', REAL_DATA],
  ['the fictional fixture', FICTIONAL_DATA],
])('Turtle of %s', (_name, dataDir) => {
  let data: Awaited<ReturnType<typeof graphOf>>;
  beforeAll(async () => {
    data = await graphOf(dataDir);
  });

  it('is N3.js Writer’s output, byte for byte, for the whole graph', () => {
    const all = data.nodes.flatMap((node) => nodeTriples(node, data.prefixes));
    expect(all.length).toBeGreaterThan(100);
    const ours = turtleSerializer(data.prefixes).write(sortedTriples(all));
    expect(ours).toBe(n3Turtle(all, data.prefixes));
    expect(ours).toBe(turtle(all, data.prefixes));
  });

  it('is N3.js Writer’s output, byte for byte, for every entity’s document (one serialiser reused, in two orders)', () => {
    const nodes = allNodes(data.nodes);
    expect(nodes.length).toBeGreaterThan(data.nodes.length);
    const expected = nodes.map((node) => n3Turtle(nodeTriples(node, data.prefixes), data.prefixes));
    const serializer = turtleSerializer(data.prefixes);
    const forward = nodes.map((node) => serializer.write(sortedTriples(nodeTriples(node, data.prefixes))));
    for (let i = 0; i < nodes.length; i++) expect(forward[i], nodes[i]?.iri).toBe(expected[i]);
    // Cached encodings must not leak from one document's prefix set into another's.
    const fresh = turtleSerializer(data.prefixes);
    for (let i = nodes.length - 1; i >= 0; i--) {
      expect(fresh.write(sortedTriples(nodeTriples(nodes[i] as RdfNode, data.prefixes))), nodes[i]?.iri).toBe(expected[i]);
    }
  });
});

const EX = 'http://example.org/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const PREFIXES: PrefixMap = {
  ex: EX,
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  schema: 'https://schema.org/',
  xsd: XSD,
};

const lit = (value: string, extra: Partial<RdfLiteral> = {}): Triple['object'] => ({ kind: 'literal', value, ...extra });
const iri = (value: string): Triple['object'] => ({ kind: 'iri', iri: value });
const triple = (object: Triple['object'], predicate = `${EX}p`, subject = `${EX}s`): Triple => ({ subject, predicate, object });

/** Ours and N3.js's Turtle of the triples, checked equal. */
function both(triples: readonly Triple[], prefixes: PrefixMap = PREFIXES): string {
  const ours = turtleSerializer(prefixes).write(sortedTriples(triples));
  expect(ours).toBe(n3Turtle(triples, prefixes));
  return ours;
}

/** The object's encoding in a one-triple document about ex:s. */
function objectOf(object: Triple['object'], prefixes: PrefixMap = PREFIXES): string {
  const text = both([triple(object)], prefixes);
  const body = text.split('\n\n')[1] ?? '';
  expect(body.startsWith('ex:s ex:p ') && body.endsWith('.\n'), text).toBe(true);
  return body.slice('ex:s ex:p '.length, -'.\n'.length);
}

describe('the serialiser on chosen cases', () => {
  it('writes nothing at all for no triples', () => {
    expect(turtleSerializer(PREFIXES).write([])).toBe('');
    expect(both([])).toBe('');
  });

  it('escapes literals as N3.js does: quote, backslash, newline, tab, control characters, astral characters', () => {
    expect(objectOf(lit('say "hi"'))).toBe('"say \\"hi\\""');
    expect(objectOf(lit('back\\slash'))).toBe('"back\\\\slash"');
    expect(objectOf(lit('two\nlines\r\n'))).toBe('"two\\nlines\\r\\n"');
    expect(objectOf(lit('a\tb'))).toBe('"a\\tb"');
    expect(objectOf(lit('\b\f'))).toBe('"\\b\\f"');
    expect(objectOf(lit('start\u0001end'))).toBe('"start\\u0001end"');
    expect(objectOf(lit('x\u0019y'))).toBe('"x\\u0019y"');
    // N3.js leaves U+001A–U+001F and U+007F as they are.
    expect(objectOf(lit('x\u001Ay\u007F'))).toBe('"x\u001Ay\u007F"');
    expect(objectOf(lit('"x\u001Fy'))).toBe('"\\"x\u001Fy"');
    expect(objectOf(lit('flag 🇸🇬 smile 😀'))).toBe('"flag \\U0001f1f8\\U0001f1ec smile \\U0001f600"');
    expect(objectOf(lit('lone \ud800 surrogate'))).toBe('"lone \ud800 surrogate"');
    expect(objectOf(lit('한국어 and 中文'))).toBe('"한국어 and 中文"');
  });

  it('writes language strings with their tag in lower case, and plain or xsd:string literals bare-quoted', () => {
    expect(objectOf(lit('hello', { lang: 'en' }))).toBe('"hello"@en');
    expect(objectOf(lit('안녕', { lang: 'ko-KR' }))).toBe('"안녕"@ko-kr');
    expect(objectOf(lit('plain'))).toBe('"plain"');
    expect(objectOf(lit('typed', { datatype: `${XSD}string` }))).toBe('"typed"');
    expect(objectOf(lit('both', { lang: 'en', datatype: `${XSD}token` }))).toBe('"both"@en');
  });

  it('abbreviates integers, booleans, decimals and doubles only when their lexical form allows', () => {
    expect(objectOf(lit('5', { datatype: `${XSD}integer` }))).toBe('5');
    expect(objectOf(lit('-12', { datatype: `${XSD}integer` }))).toBe('-12');
    expect(objectOf(lit('05x', { datatype: `${XSD}integer` }))).toBe('"05x"^^xsd:integer');
    expect(objectOf(lit('true', { datatype: `${XSD}boolean` }))).toBe('true');
    expect(objectOf(lit('1', { datatype: `${XSD}boolean` }))).toBe('"1"^^xsd:boolean');
    expect(objectOf(lit('3.25', { datatype: `${XSD}decimal` }))).toBe('3.25');
    expect(objectOf(lit('.5', { datatype: `${XSD}decimal` }))).toBe('.5');
    expect(objectOf(lit('3', { datatype: `${XSD}decimal` }))).toBe('"3"^^xsd:decimal');
    expect(objectOf(lit('1.5e3', { datatype: `${XSD}double` }))).toBe('1.5e3');
    expect(objectOf(lit('1.5', { datatype: `${XSD}double` }))).toBe('"1.5"^^xsd:double');
    expect(objectOf(lit('2024-05-01', { datatype: `${XSD}date` }))).toBe('"2024-05-01"^^xsd:date');
    expect(objectOf(lit('x', { datatype: 'http://other.org/dt' }))).toBe('"x"^^<http://other.org/dt>');
  });

  it('matches N3.js on odd literals: an empty language tag, a quotation mark in a tag or a datatype', () => {
    both([triple(lit('v', { lang: '' }))]);
    both([triple(lit('v', { lang: 'en"x' }))]);
    both([triple(lit('v"w', { datatype: `${EX}odd"type` }))]);
    both([triple(lit('v', { datatype: '' }))]);
    both([triple(lit('v', { datatype: RDF_LANG_STRING }))]);
  });

  it('writes IRIs as prefixed names only when the local part is a simple name', () => {
    expect(objectOf(iri(`${EX}thing`))).toBe('ex:thing');
    expect(objectOf(iri(`${EX}a/b`))).toBe('<http://example.org/a/b>');
    expect(objectOf(iri(`${EX}a.b`))).toBe('<http://example.org/a.b>');
    expect(objectOf(iri(`${EX}`))).toBe('<http://example.org/>');
    expect(objectOf(iri(`${EX}-x`))).toBe('<http://example.org/-x>');
    expect(objectOf(iri(`${EX}x-1_2`))).toBe('ex:x-1_2');
    expect(objectOf(iri(`${EX}with space"quote`))).toBe('<http://example.org/with space\\"quote>');
    expect(objectOf(iri('http://elsewhere.org/x'))).toBe('<http://elsewhere.org/x>');
    // An IRI that already reads as a declared prefixed name is written as it is (N3.js's first alternative).
    expect(objectOf(iri('ex:already'))).toBe('ex:already');
    expect(objectOf(iri('ex:not/a/name'))).toBe('<ex:not/a/name>');
  });

  it('uses the first declared prefix whose namespace gives a simple local name', () => {
    const v = 'http://example.org/v';
    const vocab = 'http://example.org/vocab';
    const object = iri('http://example.org/vocabX');
    const s = `<${EX}s> <${EX}p>`;
    expect(both([triple(object)], { short: v, long: vocab })).toBe(
      `@prefix short: <${v}>.\n@prefix long: <${vocab}>.\n\n${s} short:ocabX.\n`,
    );
    expect(both([triple(object)], { long: vocab, short: v })).toBe(`@prefix long: <${vocab}>.\n@prefix short: <${v}>.\n\n${s} long:X.\n`);
    // A namespace that leaves no simple name gives way to the next one.
    expect(objectOf(iri(`${EX}vocab/X`), { ex: EX, deep: `${EX}vocab/` })).toBe('deep:X');
    // Two names for one namespace: N3.js keys prefixes by namespace, so the later name is used.
    const text = both([triple(iri(`${EX}o`))], { ex: EX, again: EX });
    expect(text).toBe(`@prefix ex: <${EX}>.\n@prefix again: <${EX}>.\n\nagain:s again:p again:o.\n`);
  });

  it('declares only the prefixes of predicates, IRI objects and datatypes, in the prefix map’s order', () => {
    const text = both([
      triple(iri(`${EX}Thing`), 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'https://schema.org/subject'),
      triple(lit('5', { datatype: `${XSD}integer` }), 'https://schema.org/count', 'https://schema.org/subject'),
    ]);
    expect(text).toBe(
      // rdf: is declared for rdf:type, though it is written `a`.
      `@prefix ex: <${EX}>.\n@prefix rdf: <${PREFIXES.rdf}>.\n@prefix schema: <https://schema.org/>.\n@prefix xsd: <${XSD}>.\n\nschema:subject a ex:Thing;\n    schema:count 5.\n`,
    );
    // No prefix used: no prefix block, no blank line; subjects stay full IRIs.
    expect(both([triple(iri('http://o.org/1'), 'http://o.org/p', `${EX}s`)])).toBe(`<${EX}s> <http://o.org/p> <http://o.org/1>.\n`);
  });

  it('sorts by N-Quads line in UTF-16 order and keeps each line once', () => {
    const triples = [
      triple(lit('b'), `${EX}p`, `${EX}s-2`),
      triple(lit('\u{1F600}'), `${EX}p`, `${EX}s`),
      triple(lit('\uFFFD'), `${EX}p`, `${EX}s`),
      triple(iri(`${EX}o`), `${EX}p`, `${EX}s`),
      triple(lit('b'), `${EX}p`, `${EX}s-2`),
      triple(lit('a'), `${EX}p`, `${EX}s-2`),
    ];
    const lines = sortedTriples(triples).map(tripleLine);
    expect(lines).toEqual([...new Set(triples.map(tripleLine))].sort(compareText));
    expect(lines).toHaveLength(5);
    // UTF-16 order puts the surrogate pair of U+1F600 before U+FFFD.
    expect(lines.indexOf(tripleLine(triples[1] as Triple))).toBeLessThan(lines.indexOf(tripleLine(triples[2] as Triple)));
    // Of equal lines the last given is kept, as the Map the old writer sorted through kept it.
    const first = triple(lit('same'));
    const last = triple(lit('same', { datatype: `${XSD}string` }));
    expect(sortedTriples([first, last])).toEqual([last]);
    expect(sortedTriples([first, last])[0]).toBe(last);
  });

  it('groups objects by predicate and predicates by subject', () => {
    const triples = [
      triple(lit('b'), `${EX}p`, `${EX}s1`),
      triple(lit('a'), `${EX}p`, `${EX}s1`),
      triple(lit('c'), `${EX}q`, `${EX}s1`),
      triple(lit('d'), `${EX}p`, `${EX}s2`),
      triple(lit('d'), `${EX}p`, `${EX}s2`),
    ];
    expect(both(triples)).toBe(`@prefix ex: <${EX}>.\n\nex:s1 ex:p "a", "b";\n    ex:q "c".\nex:s2 ex:p "d".\n`);
  });

  it('reads back with N3.js’s parser as the triples it was given', () => {
    const cases: Triple[][] = [
      [triple(lit('say "hi"\n\t\\ \u0001 😀 한국어')), triple(lit('hello', { lang: 'EN' }), `${EX}q`)],
      [
        triple(lit('5', { datatype: `${XSD}integer` })),
        triple(lit('05x', { datatype: `${XSD}integer` })),
        triple(lit('false', { datatype: `${XSD}boolean` })),
        triple(lit('-0.5', { datatype: `${XSD}decimal` })),
        triple(lit('2024', { datatype: `${XSD}gYear` })),
      ],
      [
        triple(iri(`${EX}a/b`)),
        triple(iri(`${EX}a.b`)),
        triple(iri('https://schema.org/Person'), 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'),
        triple(iri(`${EX}x`), `${EX}p`, `${EX}other`),
      ],
    ];
    for (const triples of cases) expect(parsed(both(triples))).toEqual(expectedTerms(triples));
  });
});
