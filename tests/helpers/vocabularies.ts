/**
 * The official vocabularies the release uses (copies in ../shared/vocabularies/), read
 * offline, and a check of a graph against them: every class and property exists in its
 * vocabulary, and every triple fits its predicate's domain and range (rdfs:domain and
 * rdfs:range, with owl:unionOf; schema.org's and DCMI's domainIncludes/rangeIncludes as
 * "one of"), the classes of a node read from the graph itself and closed under
 * rdfs:subClassOf and owl:equivalentClass across every vocabulary.
 */
import { readFileSync } from 'node:fs';
import { DataFactory, Parser, Store, type Quad, type Term } from 'n3';
import * as oxigraph from 'oxigraph';

export const VOCABULARY_DIR = new URL('../../../shared/vocabularies/', import.meta.url);

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const SCHEMA = 'https://schema.org/';
const DCAM = 'http://purl.org/dc/dcam/';

/** Each shipped file, the namespaces whose terms it defines and how to read it. */
const FILES: ReadonlyArray<{ file: string; format: string; namespaces: string[] }> = [
  { file: 'eli-1.5.rdf', format: 'application/rdf+xml', namespaces: ['http://data.europa.eu/eli/ontology#'] },
  { file: 'skos.rdf', format: 'application/rdf+xml', namespaces: ['http://www.w3.org/2004/02/skos/core#'] },
  { file: 'dcterms.ttl', format: 'text/turtle', namespaces: ['http://purl.org/dc/terms/'] },
  { file: 'w3c-dcat3.ttl', format: 'text/turtle', namespaces: ['http://www.w3.org/ns/dcat#'] },
  { file: 'w3c-org.ttl', format: 'text/turtle', namespaces: ['http://www.w3.org/ns/org#'] },
  { file: 'w3c-prov.ttl', format: 'text/turtle', namespaces: ['http://www.w3.org/ns/prov#'] },
  { file: 'foaf.ttl', format: 'text/turtle', namespaces: ['http://xmlns.com/foaf/0.1/'] },
  { file: 'void.ttl', format: 'text/turtle', namespaces: ['http://rdfs.org/ns/void#'] },
  { file: 'schemaorg-current-https.ttl', format: 'text/turtle', namespaces: [SCHEMA] },
  { file: 'spdx.ttl', format: 'text/turtle', namespaces: ['http://spdx.org/rdf/terms#'] },
  { file: 'h-doco.nt', format: 'application/n-triples', namespaces: ['http://purl.org/spar/doco/'] },
];

/**
 * Namespaces no shipped file defines, whose terms are taken as they are: RDF, RDFS,
 * OWL and XSD themselves, vCard (DCAT-AP's contact point) and DCAT-AP's own terms
 * (`dcatap:availability`), whose SHACL shapes check how they are used.
 */
const BUILT_IN = [RDF, RDFS, OWL, XSD, 'http://www.w3.org/2006/vcard/ns#', 'http://data.europa.eu/r5r/'];

/** Classes every resource belongs to: a domain or range of one of them says nothing. */
const UNIVERSAL = [`${OWL}Thing`, `${RDFS}Resource`, `${SCHEMA}Thing`];

/**
 * Domains a subject may belong to by inference rather than by an rdf:type in the
 * graph, because what a reasoner infers is true: every record that cites its sources
 * with prov:wasDerivedFrom is a prov:Entity (PROV's entities are any things, physical,
 * digital or conceptual, whose provenance is told; entities and agents may overlap).
 */
const ACCEPTED_INFERENCES = [`http://www.w3.org/ns/prov#Entity`];

/**
 * Uses a standard defines against an older vocabulary's domain: the DCAT 3
 * Recommendation's distribution checksum is spdx:checksum on a dcat:Distribution,
 * where SPDX 2.3 declares spdx:File or spdx:Package; DCAT-AP 3.0.1 does the same.
 */
const STANDARD_USES: ReadonlyArray<{ predicate: string; subjectClass: string }> = [
  { predicate: 'http://spdx.org/rdf/terms#checksum', subjectClass: 'http://www.w3.org/ns/dcat#Distribution' },
];

/** XSD datatypes a value of a wider datatype accepts (derived by restriction). */
const DERIVED: Readonly<Record<string, string[]>> = {
  [`${XSD}integer`]: [`${XSD}nonNegativeInteger`, `${XSD}positiveInteger`],
  [`${XSD}decimal`]: [`${XSD}integer`, `${XSD}nonNegativeInteger`, `${XSD}positiveInteger`],
};

/**
 * schema.org's data types, as the literals (or IRIs) they take. `Date` takes the
 * reduced precisions ISO 8601 allows (`2025`, `2025-11`): the README's Modelling
 * section says why the dataset keeps its partial dates on schema.org's date terms.
 */
const SCHEMA_DATA_TYPES: Readonly<Record<string, { datatypes: string[]; iri?: true }>> = {
  [`${SCHEMA}Text`]: { datatypes: [`${XSD}string`, `${RDF}langString`] },
  [`${SCHEMA}URL`]: { datatypes: [], iri: true },
  [`${SCHEMA}Date`]: { datatypes: [`${XSD}date`, `${XSD}gYear`, `${XSD}gYearMonth`] },
  [`${SCHEMA}DateTime`]: { datatypes: [`${XSD}dateTime`] },
  [`${SCHEMA}Number`]: { datatypes: [`${XSD}decimal`, `${XSD}integer`, `${XSD}double`] },
  [`${SCHEMA}Integer`]: { datatypes: [`${XSD}integer`] },
  [`${SCHEMA}Boolean`]: { datatypes: [`${XSD}boolean`] },
};

export function loadVocabularies(): Store {
  const store = new Store();
  for (const { file, format } of FILES) {
    const text = readFileSync(new URL(file, VOCABULARY_DIR), 'utf8');
    // Oxigraph reads RDF/XML (N3.js does not); every file goes through it to N-Triples.
    const parsed = new oxigraph.Store();
    parsed.load(text, { format, base_iri: new URL(file, 'http://vocabularies.invalid/').href });
    const nt = parsed.dump({ format: 'application/n-triples', from_graph_name: oxigraph.defaultGraph() });
    store.addQuads(new Parser({ format: 'N-Triples', blankNodePrefix: `${file}-` }).parse(nt));
  }
  return store;
}

/** A misfit, one line per predicate and problem, with how many triples show it and one example. */
export interface Misfit {
  problem: string;
  count: number;
  example: string;
}

const { namedNode } = DataFactory;

export class VocabularyCheck {
  private readonly superClasses = new Map<string, Set<string>>();

  constructor(
    private readonly vocabularies: Store,
    /** Terms defined by the project's own vocabulary (vocab.ttl), which exist by being there. */
    private readonly projectTerms: Store,
    private readonly projectNamespace: string,
  ) {}

  private objects(subject: string | Term, predicate: string): Term[] {
    const s = typeof subject === 'string' ? namedNode(subject) : subject;
    return this.vocabularies.getObjects(s, namedNode(predicate), null);
  }

  /** A class expression: a named class, or the members of an owl:unionOf. */
  private alternatives(expression: Term): string[] {
    if (expression.termType === 'NamedNode') return [expression.value];
    const union = this.objects(expression, `${OWL}unionOf`)[0];
    if (!union) return [];
    const members: string[] = [];
    let list: Term | undefined = union;
    while (list && list.value !== `${RDF}nil`) {
      const first = this.objects(list, `${RDF}first`)[0];
      if (first) members.push(...this.alternatives(first));
      list = this.objects(list, `${RDF}rest`)[0];
    }
    return members;
  }

  /** The class and every class it is a subclass of or equivalent to. */
  closure(cls: string): Set<string> {
    const known = this.superClasses.get(cls);
    if (known) return known;
    const seen = new Set<string>([cls]);
    const queue = [cls];
    while (queue.length > 0) {
      const current = queue.pop() as string;
      const next = [
        ...this.objects(current, `${RDFS}subClassOf`),
        ...this.objects(current, `${OWL}equivalentClass`),
        ...this.vocabularies.getSubjects(namedNode(`${OWL}equivalentClass`), namedNode(current), null),
      ];
      for (const term of next) {
        for (const member of this.alternatives(term)) {
          if (!seen.has(member)) {
            seen.add(member);
            queue.push(member);
          }
        }
      }
    }
    this.superClasses.set(cls, seen);
    return seen;
  }

  /** The property, its super-properties and its equivalents. */
  private properties(predicate: string): string[] {
    const seen = new Set<string>([predicate]);
    const queue = [predicate];
    while (queue.length > 0) {
      const current = queue.pop() as string;
      for (const term of [...this.objects(current, `${RDFS}subPropertyOf`), ...this.objects(current, `${OWL}equivalentProperty`)]) {
        if (term.termType === 'NamedNode' && !seen.has(term.value)) {
          seen.add(term.value);
          queue.push(term.value);
        }
      }
    }
    return [...seen];
  }

  /**
   * The constraints on one end of a predicate: a list of requirements, each met by
   * any of its classes (rdfs:domain statements must all hold; a union, or
   * schema.org's and DCMI's *Includes, is one requirement met by any member).
   */
  private requirements(predicate: string, end: 'domain' | 'range'): string[][] {
    const strict = end === 'domain' ? `${RDFS}domain` : `${RDFS}range`;
    const includes = end === 'domain' ? ['domainIncludes'] : ['rangeIncludes'];
    const out: string[][] = [];
    for (const property of this.properties(predicate)) {
      for (const term of this.objects(property, strict)) out.push(this.alternatives(term));
      for (const vocabulary of [SCHEMA, DCAM]) {
        const any = includes.flatMap((name) => this.objects(property, vocabulary + name)).flatMap((t) => this.alternatives(t));
        if (any.length > 0) out.push(any);
      }
    }
    return out.filter((alternatives) => !alternatives.some((c) => UNIVERSAL.includes(c)));
  }

  exists(iri: string): boolean {
    if (BUILT_IN.some((ns) => iri.startsWith(ns))) return true;
    if (iri.startsWith(this.projectNamespace)) return this.projectTerms.countQuads(namedNode(iri), null, null, null) > 0;
    const file = FILES.find((f) => f.namespaces.some((ns) => iri.startsWith(ns)));
    if (!file) return false;
    return this.vocabularies.countQuads(namedNode(iri), null, null, null) > 0;
  }

  private literalFits(datatype: string, cls: string): boolean {
    if (cls === `${RDFS}Literal`) return true;
    const schemaType = SCHEMA_DATA_TYPES[cls];
    if (schemaType) return schemaType.datatypes.includes(datatype);
    return datatype === cls || (DERIVED[cls] ?? []).includes(datatype);
  }

  private iriFits(types: ReadonlySet<string>, cls: string): boolean {
    if (SCHEMA_DATA_TYPES[cls]?.iri) return true;
    return [...types].some((type) => this.closure(type).has(cls));
  }

  /** Every misfit of the graph: terms that do not exist, subjects outside a domain, objects outside a range. */
  check(graph: readonly Quad[]): Misfit[] {
    const types = new Map<string, Set<string>>();
    for (const quad of graph) {
      if (quad.predicate.value !== `${RDF}type`) continue;
      const set = types.get(quad.subject.value) ?? new Set<string>();
      set.add(quad.object.value);
      types.set(quad.subject.value, set);
    }
    const typesOf = (iri: string) => types.get(iri) ?? new Set<string>();
    const found = new Map<string, Misfit>();
    const report = (problem: string, example: string) => {
      const misfit = found.get(problem) ?? { problem, count: 0, example };
      misfit.count += 1;
      found.set(problem, misfit);
    };
    const requirementsOf = new Map<string, [string[][], string[][]]>();
    for (const quad of graph) {
      const predicate = quad.predicate.value;
      const subject = quad.subject.value;
      const example = `<${subject}> <${predicate}> ${quad.object.termType === 'Literal' ? JSON.stringify(quad.object.value) : `<${quad.object.value}>`}`;
      if (quad.subject.termType === 'BlankNode' || quad.object.termType === 'BlankNode') report('blank node', example);
      if (!this.exists(predicate)) report(`${predicate}: no such property in its vocabulary`, example);
      if (predicate === `${RDF}type`) {
        if (!this.exists(quad.object.value)) report(`${quad.object.value}: no such class in its vocabulary`, example);
        continue;
      }
      let known = requirementsOf.get(predicate);
      if (!known) {
        known = [this.requirements(predicate, 'domain'), this.requirements(predicate, 'range')];
        requirementsOf.set(predicate, known);
      }
      const [domains, ranges] = known;
      for (const domain of domains) {
        if (domain.some((cls) => ACCEPTED_INFERENCES.includes(cls))) continue;
        if (STANDARD_USES.some((use) => use.predicate === predicate && typesOf(subject).has(use.subjectClass))) continue;
        if (!domain.some((cls) => this.iriFits(typesOf(subject), cls)))
          report(
            `${predicate} domain ${domain.join(' | ')}: subject typed ${[...typesOf(subject)].sort().join(', ') || '(none)'}`,
            example,
          );
      }
      for (const range of ranges) {
        const object = quad.object;
        const fits =
          object.termType === 'Literal'
            ? range.some((cls) => this.literalFits(object.datatype.value, cls))
            : range.some((cls) => this.iriFits(typesOf(object.value), cls));
        const what =
          object.termType === 'Literal'
            ? `literal ${object.datatype.value}`
            : `object typed ${[...typesOf(object.value)].sort().join(', ') || '(none)'}`;
        if (!fits) report(`${predicate} range ${range.join(' | ')}: ${what}`, example);
      }
    }
    return [...found.values()].sort((a, b) => (a.problem < b.problem ? -1 : 1));
  }
}
