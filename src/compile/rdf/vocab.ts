/**
 * The project vocabulary (`spv:`): the few terms no established vocabulary has,
 * found in the schema model (predicates, classes, and the code lists published
 * as IRIs), each with a label and the schema's description as its comment.
 */
import { type ObjectInfo, type PropertyInfo, rdfProperties, type SchemaSet } from '../../schema/model.js';
import { expandCurie, PROJECT_PREFIX, projectNamespace, projectVocabularyIri, schemaFilePrefixes } from './prefixes.js';
import { rdfPredicates, valueShape } from './terms.js';
import type { RdfNode } from './graph.js';
import { type DescriptionStatement, literal, namedNode } from './turtle.js';
import { compareText } from '../../util/compare.js';

const isProjectTerm = (curie: string) => curie.startsWith(`${PROJECT_PREFIX}:`);

/** `announcementClaim` → `announcement claim`; `agreement-kind/` → `agreement kind`. */
function words(name: string): string {
  return name
    .replace(/\/$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
}

interface Found {
  predicates: Map<string, PropertyInfo>;
  /** Class CURIE to its comment: the object's description, or that of the property holding it. */
  classes: Map<string, string>;
  codeLists: Map<string, PropertyInfo>;
}

function find(schemas: SchemaSet): Found {
  const found: Found = { predicates: new Map(), classes: new Map(), codeLists: new Map() };
  const visit = (info: ObjectInfo, where: string, holderDescription = '') => {
    for (const type of info.rdfTypes) {
      if (isProjectTerm(type) && !found.classes.has(type)) found.classes.set(type, info.description || holderDescription);
    }
    for (const property of rdfProperties(info)) {
      for (const predicate of rdfPredicates(property, where)) {
        if (isProjectTerm(predicate) && !found.predicates.has(predicate)) found.predicates.set(predicate, property);
      }
      const prefix = property.rdf?.iriPrefix;
      if (prefix && isProjectTerm(prefix) && property.enum && !found.codeLists.has(prefix)) found.codeLists.set(prefix, property);
      if (property.object) visit(property.object, `${where}.${property.name}`, property.description);
    }
  };
  for (const kind of schemas.kinds) visit(kind, kind.kind);
  return found;
}

/** A code's classes: a SKOS concept, and what its list's annotation adds (e.g. `eli:WorkType`). */
function codeClasses(property: PropertyInfo): string[] {
  return ['skos:Concept', ...(property.rdf?.codeTypes ?? [])];
}

/**
 * Every code of the project's code lists as a node of the graph, with its classes
 * only: the graph itself says what its code IRIs are (their labels are in vocab.ttl,
 * where the IRIs dereference), so the ranges of the predicates using them hold. Pure.
 */
export function codeNodes(schemas: SchemaSet, baseIri: string): RdfNode[] {
  const prefixes = schemaFilePrefixes(baseIri);
  const lists = [...find(schemas).codeLists.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return lists.flatMap(([prefix, property]) =>
    (property.enum ?? []).map((value) => ({ iri: expandCurie(prefix + value, prefixes), types: codeClasses(property), statements: [] })),
  );
}

/** Every class a code of the graph has: no kind's shape can target by one of them. */
export function codeClassesOf(schemas: SchemaSet): Set<string> {
  return new Set([...find(schemas).codeLists.values()].flatMap(codeClasses));
}

/** The vocabulary's statements: the ontology, then classes, properties and code lists, each sorted. Pure. */
export function vocabularyStatements(schemas: SchemaSet, baseIri: string, title: string): DescriptionStatement[] {
  const prefixes = schemaFilePrefixes(baseIri);
  const out: DescriptionStatement[] = [];
  const add = (subject: string, predicate: string, object: DescriptionStatement['object']) =>
    out.push({ subject, predicate: expandCurie(predicate, prefixes), object });
  const term = (curie: string) => namedNode(expandCurie(curie, prefixes));
  const ontology = projectVocabularyIri(baseIri);
  add(ontology, 'rdf:type', term('owl:Ontology'));
  add(ontology, 'rdfs:label', literal(`Project vocabulary of the ${title}`, 'en'));
  add(ontology, 'rdfs:comment', literal('Terms the dataset needs that no established vocabulary provides.', 'en'));
  add(ontology, 'vann:preferredNamespacePrefix', literal(PROJECT_PREFIX));
  add(ontology, 'vann:preferredNamespaceUri', literal(projectNamespace(baseIri)));
  const described = (curie: string, types: string[], label: string, comment: string) => {
    const subject = expandCurie(curie, prefixes);
    for (const type of types) add(subject, 'rdf:type', term(type));
    add(subject, 'rdfs:label', literal(label, 'en'));
    if (comment) add(subject, 'rdfs:comment', literal(comment, 'en'));
    add(subject, 'rdfs:isDefinedBy', namedNode(ontology));
    return subject;
  };
  const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => compareText(a, b));
  const found = find(schemas);
  for (const [curie, comment] of sorted(found.classes)) {
    described(curie, ['rdfs:Class', 'owl:Class'], words(curie.slice(PROJECT_PREFIX.length + 1)), comment);
  }
  for (const [curie, property] of sorted(found.predicates)) {
    const kind = valueShape(property).shape === 'iri' ? 'owl:ObjectProperty' : 'owl:DatatypeProperty';
    described(curie, ['rdf:Property', kind], words(curie.slice(PROJECT_PREFIX.length + 1)), property.description);
  }
  for (const [prefix, property] of sorted(found.codeLists)) {
    const scheme = described(
      prefix,
      ['skos:ConceptScheme'],
      `${words(prefix.slice(PROJECT_PREFIX.length + 1))} codes`,
      property.description,
    );
    for (const value of property.enum ?? []) {
      const code = described(prefix + value, codeClasses(property), words(value), '');
      add(code, 'skos:notation', literal(value));
      add(code, 'skos:prefLabel', literal(words(value), 'en'));
      add(code, 'skos:inScheme', namedNode(scheme));
    }
  }
  return out;
}
