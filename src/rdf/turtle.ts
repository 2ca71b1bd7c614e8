/**
 * Turtle with N3.js's writer: the triples in canonical N-Quads order (so each
 * subject's triples are together and the bytes are stable) and only the
 * prefixes the triples use declared.
 */
import { DataFactory, Writer } from 'n3';
import type { PrefixMap } from './prefixes.js';
import { type Triple, tripleLine } from './quads.js';

const { literal, namedNode, quad } = DataFactory;

function n3Object(object: Triple['object']) {
  if (object.kind === 'iri') return namedNode(object.iri);
  return literal(object.value, object.lang ?? (object.datatype ? namedNode(object.datatype) : undefined));
}

/** The prefixes whose namespace starts one of the triples' IRIs (predicates, classes, datatypes). */
function usedPrefixes(triples: readonly Triple[], prefixes: PrefixMap): Record<string, string> {
  const iris = new Set<string>();
  for (const t of triples) {
    iris.add(t.predicate);
    if (t.object.kind === 'iri') iris.add(t.object.iri);
    else if (t.object.datatype) iris.add(t.object.datatype);
  }
  const used = Object.entries(prefixes).filter(([, namespace]) => [...iris].some((iri) => iri.startsWith(namespace)));
  return Object.fromEntries(used);
}

export function sortedTriples(triples: readonly Triple[]): Triple[] {
  const byLine = new Map(triples.map((t) => [tripleLine(t), t]));
  return [...byLine.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((line) => byLine.get(line) as Triple);
}

export function turtle(triples: readonly Triple[], prefixes: PrefixMap): Promise<string> {
  const writer = new Writer({ prefixes: usedPrefixes(triples, prefixes) });
  for (const t of sortedTriples(triples)) writer.addQuad(quad(namedNode(t.subject), namedNode(t.predicate), n3Object(t.object)));
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

/** An object of a hand-built description: a term, or an RDF list of terms (SHACL's sh:in, sh:or). */
export type DescriptionObject = ReturnType<typeof namedNode> | ReturnType<typeof literal> | (ReturnType<typeof namedNode> | ReturnType<typeof literal>)[];

export interface DescriptionStatement {
  subject: string;
  predicate: string;
  object: DescriptionObject;
}

/** Turtle of statements in the order given (a subject's statements together), lists written as `( … )`. */
export function turtleDescription(statements: readonly DescriptionStatement[], prefixes: PrefixMap): Promise<string> {
  const writer = new Writer({ prefixes: { ...prefixes } });
  for (const s of statements) {
    const object = Array.isArray(s.object) ? writer.list(s.object) : s.object;
    writer.addQuad(namedNode(s.subject), namedNode(s.predicate), object as never);
  }
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}
