/**
 * Turtle written the way N3.js's Writer writes it (the same bytes, proven
 * against it in tests/unit/turtle.test.ts and
 * tests/unit/turtle-description.test.ts) but synchronously, with every IRI's
 * encoding cached, and without loading N3.js (some 55 ms of module loading the
 * build would pay for two small files).
 *
 * Two writers share one encoder of terms (`DeclaredPrefixes`):
 *
 * - `turtleSerializer`, for the data triples: a release writes tens of thousands
 *   of small documents that repeat the same predicates, classes and entity IRIs,
 *   and a Writer, its terms and its Promise per document dominated the build.
 *   The triples come in canonical N-Quads order (so each subject's triples are
 *   together and the bytes are stable) and only the prefixes whose namespace
 *   starts a predicate, an IRI object or a datatype are declared.
 * - `turtleDescription`, for the hand-built vocabulary and shapes: statements in
 *   the order given, every prefix declared, RDF lists written as `( … )`.
 */
import type { RdfIri, RdfLiteral } from './graph.js';
import type { PrefixMap } from './prefixes.js';
import { canonicalOrder, type Triple } from './quads.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const XSD_STRING = `${XSD}string`;
const XSD_BOOLEAN = `${XSD}boolean`;
const XSD_INTEGER = `${XSD}integer`;
const XSD_DECIMAL = `${XSD}decimal`;
const XSD_DOUBLE = `${XSD}double`;

// N3Writer's escaping, verbatim (including its quirks: U+001A–U+001F stay as
// they are, a lone high surrogate is tested for but left unescaped).
// biome-ignore lint/suspicious/noControlCharactersInRegex: Turtle escapes these characters, as N3.js's Writer does.
const ESCAPE = /["\\\t\n\r\b\f\u0000-\u0019\ud800-\udbff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const ESCAPE_ALL = /["\\\t\n\r\b\f\u0000-\u0019]|[\ud800-\udbff][\udc00-\udfff]/g;
const ESCAPED_CHARACTERS: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\b': '\\b',
  '\f': '\\f',
};

/** N3Writer's characterReplacer: ECHARs, else \uXXXX (lower-case hex), else \UXXXXXXXX for a surrogate pair. */
function characterReplacer(character: string): string {
  const known = ESCAPED_CHARACTERS[character];
  if (known !== undefined) return known;
  if (character.length === 1) {
    const hex = character.charCodeAt(0).toString(16);
    return '\\u0000'.substring(0, 6 - hex.length) + hex;
  }
  const hex = ((character.charCodeAt(0) - 0xd800) * 0x400 + character.charCodeAt(1) + 0x2400).toString(16);
  return '\\U00000000'.substring(0, 10 - hex.length) + hex;
}

function escapeText(text: string): string {
  return ESCAPE.test(text) ? text.replace(ESCAPE_ALL, characterReplacer) : text;
}

/** A literal as N3.js sees it once it has been through `DataFactory.literal` (its value, language and datatype getters). */
interface LiteralView {
  value: string;
  language: string;
  datatype: string;
}

function literalView(object: RdfLiteral): LiteralView {
  const { value, lang, datatype } = object;
  // The old writer made `literal(value, lang ?? (datatype ? namedNode(datatype) : undefined))`.
  if (lang !== undefined) {
    if (!lang.includes('"')) return { value, language: lang.toLowerCase(), datatype: RDF_LANG_STRING };
    return literalFromId(`"${value}"@${lang.toLowerCase()}`);
  }
  if (!datatype || datatype === XSD_STRING) return { value, language: '', datatype: XSD_STRING };
  if (!datatype.includes('"')) return { value, language: '', datatype };
  return literalFromId(`"${value}"^^${datatype}`);
}

/** N3.js's Literal getters on its internal id, for the odd tag or datatype with a quotation mark in it. */
function literalFromId(id: string): LiteralView {
  const quote = id.lastIndexOf('"');
  const next = quote + 1 < id.length ? id.charAt(quote + 1) : '';
  return {
    value: id.substring(1, quote),
    language: next === '@' ? id.substring(quote + 2).toLowerCase() : '',
    datatype: next === '^' ? id.substring(quote + 3) : next !== '@' ? XSD_STRING : RDF_LANG_STRING,
  };
}

/**
 * The encoding of terms under one set of declared prefixes: the prefix block
 * and N3Writer's prefix matcher, built the way `Writer#addPrefixes` builds it,
 * with each IRI's encoding cached.
 */
class DeclaredPrefixes {
  readonly header: string;
  private readonly prefixRegex: RegExp;
  private readonly prefixIris: Record<string, string> = Object.create(null) as Record<string, string>;
  private readonly iris = new Map<string, string>();

  constructor(declared: readonly (readonly [string, string])[]) {
    let header = '';
    for (const [prefix, iri] of declared) {
      this.prefixIris[iri] = `${prefix}:`;
      header += `@prefix ${prefix}: <${iri}>.\n`;
    }
    if (declared.length === 0) {
      this.prefixRegex = /$0^/;
    } else {
      let iriList = '';
      let prefixList = '';
      for (const prefixIri in this.prefixIris) {
        iriList += iriList ? `|${prefixIri}` : prefixIri;
        prefixList += (prefixList ? '|' : '') + this.prefixIris[prefixIri];
      }
      iriList = iriList.replace(/[\]/()*+?.\\$]/g, '\\$&');
      this.prefixRegex = new RegExp(`^(?:${prefixList})[^/]*$|^(${iriList})([_a-zA-Z0-9][\\-_a-zA-Z0-9]*)$`);
      header += '\n';
    }
    this.header = header;
  }

  /** `<iri>`, or a prefixed name (`_encodeIriOrBlank`). */
  iri(iri: string): string {
    let encoded = this.iris.get(iri);
    if (encoded === undefined) {
      const escaped = escapeText(iri);
      const match = this.prefixRegex.exec(escaped);
      encoded = !match ? `<${escaped}>` : !match[1] ? escaped : (this.prefixIris[match[1]] as string) + match[2];
      this.iris.set(iri, encoded);
    }
    return encoded;
  }

  predicate(iri: string): string {
    return iri === RDF_TYPE ? 'a' : this.iri(iri);
  }

  /** `_encodeObject` for an IRI or a literal. */
  object(term: RdfIri | RdfLiteral): string {
    return term.kind === 'iri' ? this.iri(term.iri) : this.literal(term);
  }

  /** `_encodeLiteral` in Turtle mode: strings, language strings and the bare numbers and booleans abbreviated. */
  literal(object: RdfLiteral): string {
    const view = literalView(object);
    const value = escapeText(view.value);
    if (view.language) return `"${value}"@${view.language}`;
    switch (view.datatype) {
      case XSD_STRING:
        return `"${value}"`;
      case XSD_BOOLEAN:
        if (value === 'true' || value === 'false') return value;
        break;
      case XSD_INTEGER:
        if (/^[+-]?\d+$/.test(value)) return value;
        break;
      case XSD_DECIMAL:
        if (/^[+-]?\d*\.\d+$/.test(value)) return value;
        break;
      case XSD_DOUBLE:
        if (/^[+-]?(?:\d+\.\d*|\.?\d+)[eE][+-]?\d+$/.test(value)) return value;
        break;
    }
    return `"${value}"^^${this.iri(view.datatype)}`;
  }
}

export interface TurtleSerializer {
  /** Turtle of triples already in canonical N-Quads order (sorted by `tripleLine`, duplicates removed); not re-sorted. */
  write(sortedUniqueTriples: readonly Triple[]): string;
  /** The same text in parts (each some tens of kilobytes), for a document too large to hold as one string. */
  writeParts(sortedUniqueTriples: readonly Triple[]): string[];
}

/** Characters per part of `writeParts`. */
const PART_CHARS = 1 << 16;

const NO_PREFIXES: readonly number[] = [];

/** Create once per release; reuse for every document (it caches IRI encodings). */
export function turtleSerializer(prefixes: PrefixMap): TurtleSerializer {
  const entries = Object.entries(prefixes);
  /** For each IRI seen, the indices of the prefixes whose namespace starts it. */
  const namespacesOf = new Map<string, readonly number[]>();
  /** Encoders by the set of prefixes a document declares. */
  const encoders = new Map<string, DeclaredPrefixes>();
  const used = new Uint8Array(entries.length);

  const markUsed = (iri: string) => {
    let indices = namespacesOf.get(iri);
    if (indices === undefined) {
      const found: number[] = [];
      for (let i = 0; i < entries.length; i++) if (iri.startsWith((entries[i] as [string, string])[1])) found.push(i);
      indices = found.length === 0 ? NO_PREFIXES : found;
      namespacesOf.set(iri, indices);
    }
    for (const i of indices) used[i] = 1;
  };

  const encoderFor = (triples: readonly Triple[]): DeclaredPrefixes => {
    let predicate: string | undefined;
    for (const t of triples) {
      if (t.predicate !== predicate) markUsed((predicate = t.predicate));
      if (t.object.kind === 'iri') markUsed(t.object.iri);
      else if (t.object.datatype) markUsed(t.object.datatype);
    }
    // The declared prefixes, in the prefix map's order, as a key such as "3,7,12,".
    let key = '';
    for (let i = 0; i < used.length; i++) {
      if (used[i]) {
        key += `${i},`;
        used[i] = 0;
      }
    }
    let encoder = encoders.get(key);
    if (encoder === undefined) {
      const declared =
        key === ''
          ? []
          : key
              .slice(0, -1)
              .split(',')
              .map((i) => entries[Number(i)] as [string, string]);
      encoder = new DeclaredPrefixes(declared);
      encoders.set(key, encoder);
    }
    return encoder;
  };

  const writeParts = (triples: readonly Triple[]): string[] => {
    if (triples.length === 0) return [];
    const parts: string[] = [];
    const encoder = encoderFor(triples);
    let out = encoder.header;
    let subject: string | undefined;
    let predicate = '';
    for (const t of triples) {
      const object = encoder.object(t.object);
      if (t.subject === subject) {
        if (t.predicate === predicate) out += `, ${object}`;
        else out += `;\n    ${encoder.predicate((predicate = t.predicate))} ${object}`;
      } else {
        if (out.length >= PART_CHARS) {
          parts.push(out);
          out = '';
        }
        out += `${subject === undefined ? '' : '.\n'}${encoder.iri((subject = t.subject))} ${encoder.predicate((predicate = t.predicate))} ${object}`;
      }
    }
    parts.push(`${out}.\n`);
    return parts;
  };

  return { writeParts, write: (triples) => writeParts(triples).join('') };
}

/** The triples in canonical N-Quads order, each line once (see `canonicalOrder`). */
export function sortedTriples(triples: readonly Triple[]): Triple[] {
  return canonicalOrder(triples).map((t) => t.triple);
}

/** Turtle of any triples: sorted and deduplicated, then written. Prefer one `turtleSerializer` for many documents. */
export function turtle(triples: readonly Triple[], prefixes: PrefixMap): string {
  return turtleSerializer(prefixes).write(sortedTriples(triples));
}

/** A term of a hand-built description: an IRI or a literal. */
export type DescriptionTerm = RdfIri | RdfLiteral;

/** An object of a hand-built description: a term, or an RDF list of terms (SHACL's sh:in, sh:or). */
export type DescriptionObject = DescriptionTerm | DescriptionTerm[];

export interface DescriptionStatement {
  subject: string;
  predicate: string;
  object: DescriptionObject;
}

/** An IRI term (N3.js's `DataFactory.namedNode`, without N3.js). */
export function namedNode(iri: string): RdfIri {
  return { kind: 'iri', iri };
}

/**
 * A literal with a language tag (a string) or a datatype (an IRI term), else a
 * plain string: N3.js's `DataFactory.literal` for text values. The encoder reads
 * it as N3.js would have read the literal that call made (the tag in lower case).
 */
export function literal(value: string, languageOrDatatype?: string | RdfIri): RdfLiteral {
  if (typeof languageOrDatatype === 'string') return { kind: 'literal', value, lang: languageOrDatatype };
  if (languageOrDatatype !== undefined) return { kind: 'literal', value, datatype: languageOrDatatype.iri };
  return { kind: 'literal', value };
}

/**
 * Turtle of statements in the order given, every prefix of the map declared, as
 * N3.js's Writer writes them: a subject's consecutive statements share it (a
 * subject that comes back after another starts a new block), lists written as
 * `( … )` (`Writer#list`).
 */
export function turtleDescription(statements: readonly DescriptionStatement[], prefixes: PrefixMap): string {
  const encoder = new DeclaredPrefixes(Object.entries(prefixes));
  const object = (o: DescriptionObject): string =>
    Array.isArray(o) ? `(${o.map((term) => encoder.object(term)).join(' ')})` : encoder.object(o);
  let out = encoder.header;
  let subject: string | undefined;
  let predicate = '';
  for (const s of statements) {
    if (s.subject === subject) {
      if (s.predicate === predicate) out += `, ${object(s.object)}`;
      else out += `;\n    ${encoder.predicate((predicate = s.predicate))} ${object(s.object)}`;
    } else {
      out += `${subject === undefined ? '' : '.\n'}${encoder.iri((subject = s.subject))} ${encoder.predicate((predicate = s.predicate))} ${object(s.object)}`;
    }
  }
  return subject === undefined ? out : `${out}.\n`;
}
