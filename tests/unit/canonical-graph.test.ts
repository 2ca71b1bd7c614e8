import { describe, expect, it } from 'vitest';
import { CanonicalGraph, canonicalOrder, type Triple } from '../../src/compile/rdf/quads.js';

const BASE = 'https://example.org/';
const triple = (subject: string, predicate: string, value: string): Triple => ({
  subject: `${BASE}${subject}`,
  predicate: `${BASE}${predicate}`,
  object: { kind: 'literal', value },
});

describe('the whole graph from entities already in order', () => {
  it('orders as sorting every line would, with subjects that prefix one another and one subject in two entities', () => {
    // Subjects whose IRIs prefix each other sort by the character after the shorter one ('-' < '/' < '>').
    const entities: Triple[][] = [
      [triple('a', 'p', '1'), triple('a/1', 'p', 'x'), triple('a', 'q', '2')],
      [triple('a/b', 'p', '3'), triple('a-b', 'p', '4')],
      [triple('a', 'p', '1'), triple('a', 'p', '0'), triple('c', 'p', '5')],
      [triple('a/b', 'z', '6'), triple('ab', 'p', '7')],
    ];
    const graph = new CanonicalGraph();
    for (const entity of entities) graph.add(canonicalOrder(entity));
    const canonical = canonicalOrder(entities.flat());
    const expected = canonical.map((t) => t.line);
    const { nquads, triples } = graph.inOrder();
    expect(nquads.join('')).toBe(expected.join(''));
    expect(triples).toEqual(canonical.map((t) => t.triple));
    expect(expected).toHaveLength(9);
    expect(expected[0]).toBe(`<${BASE}a-b> <${BASE}p> "4" .\n`);
  });
});
