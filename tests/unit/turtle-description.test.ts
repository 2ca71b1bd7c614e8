import { DataFactory, Writer } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetRecord } from '../../src/model/dataset.js';
import { SHAPES_PATH, VOCAB_PATH, vocabularyAndShapes } from '../../src/publish/schema-files.js';
import type { PrefixMap } from '../../src/compile/rdf/prefixes.js';
import { schemaFilePrefixes } from '../../src/compile/rdf/prefixes.js';
import { shapesPrefixes, shapesStatements } from '../../src/compile/rdf/shacl.js';
import { type DescriptionStatement, type DescriptionTerm, literal, namedNode, turtleDescription } from '../../src/compile/rdf/turtle.js';
import { vocabularyStatements } from '../../src/compile/rdf/vocab.js';
import { compiledRelease, FICTIONAL_DATA, REAL_DATA, type Release } from '../helpers/fixture.js';
import { endSynchronously } from '../helpers/n3.js';

/** The N3.js term the description used to be built with (`DataFactory.namedNode`, `DataFactory.literal`). */
function n3Term(term: DescriptionTerm) {
  if (term.kind === 'iri') return DataFactory.namedNode(term.iri);
  return DataFactory.literal(term.value, term.lang ?? (term.datatype ? DataFactory.namedNode(term.datatype) : undefined));
}

/**
 * The reference: `turtleDescription` as it was, N3.js's Writer declaring every
 * prefix, fed the statements in order, lists through `Writer#list`.
 */
function n3Description(statements: readonly DescriptionStatement[], prefixes: PrefixMap): string {
  const writer = new Writer({ prefixes: { ...prefixes } });
  for (const s of statements) {
    const object = Array.isArray(s.object) ? writer.list(s.object.map(n3Term)) : n3Term(s.object);
    writer.addQuad(DataFactory.namedNode(s.subject), DataFactory.namedNode(s.predicate), object as never);
  }
  return endSynchronously(writer);
}

/** Ours and N3.js's Turtle of the statements, checked equal. */
function both(statements: readonly DescriptionStatement[], prefixes: PrefixMap): string {
  const ours = turtleDescription(statements, prefixes);
  expect(ours).toBe(n3Description(statements, prefixes));
  return ours;
}

describe.each([
  ['the curated data', REAL_DATA],
  ['the fictional fixture', FICTIONAL_DATA],
])('vocab.ttl and shapes.ttl of %s', (_name, dataDir) => {
  let release: Release;
  let baseIri: string;
  beforeAll(async () => {
    release = await compiledRelease(dataDir, [vocabularyAndShapes]);
    baseIri = datasetRecord(release.catalog).baseIri;
  });

  it('are N3.js Writer’s output, byte for byte', () => {
    const { title } = datasetRecord(release.catalog);
    const vocab = vocabularyStatements(release.schemas, baseIri, title);
    const shapes = shapesStatements(release.schemas, baseIri);
    expect(vocab.length).toBeGreaterThan(10);
    expect(shapes.length).toBeGreaterThan(100);
    // The shapes have lists of IRIs (sh:in, sh:or) and of literals (sh:in, sh:languageIn).
    expect(shapes.some((s) => Array.isArray(s.object) && s.object[0]?.kind === 'iri')).toBe(true);
    expect(shapes.some((s) => Array.isArray(s.object) && s.object[0]?.kind === 'literal')).toBe(true);

    const expectedVocab = n3Description(vocab, schemaFilePrefixes(baseIri));
    const expectedShapes = n3Description(shapes, shapesPrefixes(baseIri));
    expect(turtleDescription(vocab, schemaFilePrefixes(baseIri))).toBe(expectedVocab);
    expect(turtleDescription(shapes, shapesPrefixes(baseIri))).toBe(expectedShapes);
    // And the release's files are those texts.
    expect(release.text(VOCAB_PATH)).toBe(expectedVocab);
    expect(release.text(SHAPES_PATH)).toBe(expectedShapes);
  });
});

const EX = 'http://example.org/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const PREFIXES: PrefixMap = { ex: EX, rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', xsd: XSD };
const HEADER = `@prefix ex: <${EX}>.\n@prefix rdf: <${PREFIXES.rdf}>.\n@prefix xsd: <${XSD}>.\n\n`;

const statement = (subject: string, predicate: string, object: DescriptionStatement['object']): DescriptionStatement => ({
  subject: EX + subject,
  predicate: predicate === 'a' ? RDF_TYPE : EX + predicate,
  object,
});

describe('the description writer on chosen cases', () => {
  it('writes an RDF list of IRIs, prefixed where it can', () => {
    const text = both([statement('s', 'in', [namedNode(`${EX}a`), namedNode(`${EX}b/c`), namedNode('http://elsewhere.org/d')])], PREFIXES);
    expect(text).toBe(`${HEADER}ex:s ex:in (ex:a <${EX}b/c> <http://elsewhere.org/d>).\n`);
  });

  it('writes an RDF list of literals, abbreviated and escaped as single objects are', () => {
    const text = both(
      [
        statement('s', 'in', [
          literal('a'),
          literal('B "quoted"', 'EN'),
          literal('1', namedNode(`${XSD}integer`)),
          literal('x', namedNode(`${XSD}date`)),
        ]),
      ],
      PREFIXES,
    );
    expect(text).toBe(`${HEADER}ex:s ex:in ("a" "B \\"quoted\\""@en 1 "x"^^xsd:date).\n`);
  });

  it('writes an empty list as ()', () => {
    expect(both([statement('s', 'in', [])], PREFIXES)).toBe(`${HEADER}ex:s ex:in ().\n`);
  });

  it('groups a subject’s consecutive statements, and starts a new block when a subject comes back', () => {
    const text = both(
      [
        statement('s1', 'a', namedNode(`${EX}Thing`)),
        statement('s1', 'p', literal('one')),
        statement('s1', 'p', [literal('two')]),
        statement('s2', 'p', literal('other')),
        statement('s1', 'q', namedNode(`${EX}back`)),
        statement('s1', 'q', namedNode(`${EX}again`)),
      ],
      PREFIXES,
    );
    expect(text).toBe(`${HEADER}ex:s1 a ex:Thing;\n    ex:p "one", ("two").\nex:s2 ex:p "other".\nex:s1 ex:q ex:back, ex:again.\n`);
  });

  it('declares every prefix given, used or not, and nothing else for no statements', () => {
    expect(both([], PREFIXES)).toBe(HEADER);
    expect(both([], {})).toBe('');
    expect(both([statement('s', 'p', literal('v'))], {})).toBe(`<${EX}s> <${EX}p> "v".\n`);
  });

  it('matches N3.js on odd literals: an empty language tag, a language-string datatype, control characters', () => {
    both([statement('s', 'p', literal('v', ''))], PREFIXES);
    both([statement('s', 'p', literal('v', namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#langString')))], PREFIXES);
    both([statement('s', 'p', [literal('tab\there\u0001 😀', 'ko-KR'), literal('v"w', namedNode(`${EX}odd"type`))])], PREFIXES);
  });
});
