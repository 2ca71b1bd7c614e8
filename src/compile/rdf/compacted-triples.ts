/**
 * The triples of a compacted JSON-LD document of the shape the toolkit writes by
 * hand (the catalogue, src/publish/dcat.ts), read without a JSON-LD processor:
 * loading jsonld.js and N3.js cost every build over 100 ms for that one small
 * document. It reads exactly these forms, as jsonld.js reads them (proven against
 * it in tests/unit/catalogue-turtle.test.ts), and throws on any other, so that a
 * change to the document cannot drop a statement silently:
 *
 * - `@context`: prefixes (strings ending in `/` or `#`) and term definitions
 *   `{ "@id", "@type"?: "@id" | datatype, "@language"? }`;
 * - `@graph`: nodes with an IRI `@id`, a `@type` (a string or strings) and
 *   properties (terms or compact IRIs) whose values are strings (coerced as their
 *   term says), booleans and safe integers (`xsd:boolean`, `xsd:integer`), value
 *   objects `{ "@value": string, "@type" | "@language" }`, nodes (a reference, or
 *   embedded with statements of their own), or arrays of these.
 *
 * IRIs are compact or absolute, never relative, and there are no blank nodes.
 */
import type { RdfIri, RdfLiteral } from './graph.js';
import { expandCurie, UnknownPrefixError } from './prefixes.js';
import type { Triple } from './quads.js';
import { isMapping } from '../../util/compare.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';

/** A JSON-LD form this reader does not handle: an internal fault, never a silent loss of statements. */
export class UnsupportedJsonLdError extends Error {}

function unsupported(what: string, value?: unknown): never {
  throw new UnsupportedJsonLdError(`compacted JSON-LD not handled: ${what}${value === undefined ? '' : ` (${JSON.stringify(value)})`}`);
}

/** A property's IRI and how its string values become terms: IRIs (`@id`), literals of a datatype, or text in a language. */
interface Term {
  iri: string;
  type?: string;
  language?: string;
}

const TERM_KEYS = new Set(['@id', '@type', '@language']);
const VALUE_KEYS = new Set(['@value', '@type', '@language']);

class CompactedReader {
  private readonly prefixes: Record<string, string> = {};
  private readonly terms = new Map<string, Term>();
  readonly triples: Triple[] = [];

  constructor(context: unknown) {
    if (!isMapping(context)) unsupported('a @context other than one object', context);
    const definitions: [string, Record<string, unknown>][] = [];
    for (const [key, value] of Object.entries(context)) {
      if (key.startsWith('@')) unsupported(`the context keyword ${key}`);
      if (typeof value === 'string') {
        // JSON-LD 1.1 makes a string entry a prefix only if its IRI ends in a delimiter.
        if (!/[/#]$/.test(value)) unsupported(`the context entry ${key}, which is not a prefix`, value);
        this.prefixes[key] = value;
      } else if (isMapping(value)) definitions.push([key, value]);
      else unsupported(`the context entry ${key}`, value);
    }
    for (const [key, definition] of definitions) this.terms.set(key, this.term(key, definition));
  }

  private term(key: string, definition: Record<string, unknown>): Term {
    const { '@id': id, '@type': type, '@language': language } = definition;
    if (Object.keys(definition).some((k) => !TERM_KEYS.has(k)) || typeof id !== 'string') unsupported(`the term ${key}`, definition);
    const iri = this.expand(id);
    // A term written as a compact IRI must expand to that IRI (JSON-LD 1.1 refuses it otherwise).
    if (key.includes(':') && this.expand(key) !== iri) unsupported(`the term ${key}, named as another IRI`, definition);
    if (type !== undefined && language !== undefined) unsupported(`the term ${key} with both @type and @language`, definition);
    if (type !== undefined) {
      if (typeof type !== 'string' || (type.startsWith('@') && type !== '@id')) unsupported(`the term ${key}'s @type`, type);
      return { iri, type: type === '@id' ? type : this.expand(type) };
    }
    if (language !== undefined) {
      if (typeof language !== 'string') unsupported(`the term ${key}'s @language`, language);
      return { iri, language: language.toLowerCase() };
    }
    return { iri };
  }

  /** A compact or absolute IRI as an absolute IRI; a relative IRI, a blank node or a bare term is refused. */
  private expand(iri: string): string {
    try {
      return expandCurie(iri, this.prefixes);
    } catch (error) {
      if (error instanceof UnknownPrefixError) unsupported('an IRI neither compact nor absolute', iri);
      throw error;
    }
  }

  /** A node's triples, and those of the nodes it embeds; returns its IRI. */
  node(json: unknown): string {
    if (!isMapping(json) || typeof json['@id'] !== 'string') unsupported('a node without an @id (a blank node) or not an object', json);
    const subject = this.expand(json['@id']);
    for (const [key, value] of Object.entries(json)) {
      if (key === '@id') continue;
      if (key === '@type') {
        for (const type of [value].flat()) {
          if (typeof type !== 'string') unsupported(`the @type of ${subject}`, value);
          this.triples.push({ subject, predicate: RDF_TYPE, object: { kind: 'iri', iri: this.expand(type) } });
        }
        continue;
      }
      if (key.startsWith('@')) unsupported(`the keyword ${key} in a node`);
      const term = this.terms.get(key) ?? { iri: this.expand(key) };
      for (const item of Array.isArray(value) ? value : [value]) {
        this.triples.push({ subject, predicate: term.iri, object: this.object(item, term) });
      }
    }
    return subject;
  }

  private object(value: unknown, term: Term): RdfIri | RdfLiteral {
    if (typeof value === 'string') {
      if (term.type === '@id') return { kind: 'iri', iri: this.expand(value) };
      if (term.type) return { kind: 'literal', value, datatype: term.type };
      if (term.language) return { kind: 'literal', value, lang: term.language };
      return { kind: 'literal', value };
    }
    // Native values as jsonld.js writes them where no @type coerces them: `true`/`false`, an integer in full.
    if ((typeof value === 'boolean' || Number.isSafeInteger(value)) && term.type === undefined) {
      return { kind: 'literal', value: String(value), datatype: typeof value === 'boolean' ? XSD_BOOLEAN : XSD_INTEGER };
    }
    if (isMapping(value) && '@value' in value) {
      const { '@value': text, '@type': type, '@language': language } = value;
      const wellFormed = typeof text === 'string' && Object.keys(value).every((k) => VALUE_KEYS.has(k));
      if (wellFormed && typeof type === 'string' && language === undefined)
        return { kind: 'literal', value: text, datatype: this.expand(type) };
      if (wellFormed && typeof language === 'string' && type === undefined)
        return { kind: 'literal', value: text, lang: language.toLowerCase() };
      if (wellFormed && type === undefined && language === undefined) return { kind: 'literal', value: text };
      unsupported('a value object', value);
    }
    if (isMapping(value)) return { kind: 'iri', iri: this.node(value) };
    return unsupported(`a value of ${term.iri}`, value);
  }
}

/** The triples of `{ "@context", "@graph" }`, in document order (repeats included: sort and deduplicate with `canonicalOrder`). */
export function compactedTriples(document: unknown): Triple[] {
  if (!isMapping(document)) unsupported('a document other than one object');
  const { '@context': context, '@graph': graph, ...rest } = document;
  if (Object.keys(rest).length > 0) unsupported(`the top-level keys ${Object.keys(rest).join(', ')}`);
  if (!Array.isArray(graph)) unsupported('a document without a @graph array');
  const reader = new CompactedReader(context);
  for (const node of graph) reader.node(node);
  return reader.triples;
}
