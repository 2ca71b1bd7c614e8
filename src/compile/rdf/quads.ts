/**
 * The graph model as triples (in the default graph), and canonical N-Quads:
 * there are no blank nodes, so canonical form is each triple on one line in
 * RDFC-1.0's escaping, sorted, without duplicates: identical bytes every build.
 */
import type { RdfIri, RdfLiteral, RdfNode } from './graph.js';
import { expandCurie, type PrefixMap } from './prefixes.js';
import { byText } from '../../util/compare.js';

export interface Triple {
  subject: string;
  predicate: string;
  object: RdfIri | RdfLiteral;
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** A node's triples and those of the structured objects it holds, in statement order. */
export function nodeTriples(node: RdfNode, prefixes: PrefixMap): Triple[] {
  const triples: Triple[] = node.types.map((type) => ({
    subject: node.iri,
    predicate: RDF_TYPE,
    object: { kind: 'iri', iri: expandCurie(type, prefixes) },
  }));
  for (const statement of node.statements) {
    const predicate = expandCurie(statement.predicate, prefixes);
    for (const value of statement.values) {
      if (value.kind === 'node') {
        triples.push({ subject: node.iri, predicate, object: { kind: 'iri', iri: value.node.iri } });
      } else {
        triples.push({ subject: node.iri, predicate, object: value });
      }
    }
  }
  // Embedded objects after their holder's own triples, as the holder's statements name them.
  for (const statement of node.statements) {
    for (const value of statement.values) if (value.kind === 'node') triples.push(...nodeTriples(value.node, prefixes));
  }
  return triples;
}

/** RDFC-1.0 / N-Quads string escaping: ECHARs for the usual controls, UCHARs for the rest. */
const ECHAR: Readonly<Record<string, string>> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

function escapeLiteral(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: N-Quads escapes exactly these characters.
  return text.replace(/[\u0000-\u001F\u007F"\\]/g, (c) => ECHAR[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

function objectTerm(object: RdfIri | RdfLiteral): string {
  if (object.kind === 'iri') return `<${object.iri}>`;
  const text = `"${escapeLiteral(object.value)}"`;
  if (object.lang) return `${text}@${object.lang}`;
  if (object.datatype && object.datatype !== XSD_STRING) return `${text}^^<${object.datatype}>`;
  return text;
}

export function tripleLine(triple: Triple): string {
  return `<${triple.subject}> <${triple.predicate}> ${objectTerm(triple.object)} .\n`;
}

/** A triple with its N-Quads line, which is its sort key. */
export interface LinedTriple {
  line: string;
  triple: Triple;
}

const byLine = byText((t: LinedTriple) => t.line);

/**
 * Triples in canonical order: sorted by their N-Quads line (UTF-16 code units, as
 * JavaScript compares strings), each line once. Takes triples or triples already
 * lined (whose lines are then not made again).
 */
export function canonicalOrder(triples: readonly (Triple | LinedTriple)[]): LinedTriple[] {
  const lined = triples.map((t) => ('line' in t ? t : { line: tripleLine(t), triple: t }));
  lined.sort(byLine);
  // Equal lines are the same triple; the sort is stable, and the last one given is kept.
  return lined.filter((t, index) => t.line !== lined[index + 1]?.line);
}

/** One subject's lines: joined once (kept as one string), or to be merged when several entities state it. */
interface SubjectRun {
  text: string;
  triples: Triple[];
  fromOne: boolean;
}

/**
 * The whole graph in canonical order, from the entities' lines already in order. Two
 * lines with different subjects compare as their `<subject>` (an IRI holds no `>`), so
 * the graph's order is its subjects' order, each subject's lines in their order: only
 * the subjects are sorted, not every line (a tenth as many). Each subject's lines are
 * kept joined, one string rather than hundreds of thousands of lines held until the end.
 */
export class CanonicalGraph {
  private readonly runs = new Map<string, SubjectRun>();

  /** One entity's lines, in canonical order (as `canonicalOrder` gives them). */
  add(lines: readonly LinedTriple[]): void {
    for (let start = 0; start < lines.length; ) {
      const subject = (lines[start] as LinedTriple).triple.subject;
      let end = start + 1;
      while (end < lines.length && (lines[end] as LinedTriple).triple.subject === subject) end++;
      const segment = lines.slice(start, end);
      start = end;
      const run = this.runs.get(subject);
      if (!run) {
        this.runs.set(subject, { text: segment.map((t) => t.line).join(''), triples: segment.map((t) => t.triple), fromOne: true });
      } else {
        // In canonical order a subject's lines are together, so a second segment comes from another entity.
        for (const lined of segment) run.triples.push(lined.triple);
        run.fromOne = false;
      }
    }
  }

  /** Every triple added, in canonical order, each once (what `canonicalOrder` of them all gives): as N-Quads text in parts, and as triples. */
  inOrder(): { nquads: string[]; triples: Triple[] } {
    const keyed = [...this.runs.keys()].map((subject) => ({ key: `<${subject}>`, subject }));
    keyed.sort(byText((k) => k.key));
    const nquads: string[] = [];
    const triples: Triple[] = [];
    for (const { subject } of keyed) {
      const run = this.runs.get(subject);
      if (!run) continue;
      if (run.fromOne) {
        nquads.push(run.text);
        for (const triple of run.triples) triples.push(triple);
      } else {
        // A subject that several entities describe: merge their lines (and drop repeats) as the whole graph would.
        const merged = canonicalOrder(run.triples);
        nquads.push(merged.map((t) => t.line).join(''));
        for (const lined of merged) triples.push(lined.triple);
      }
    }
    return { nquads, triples };
  }
}
