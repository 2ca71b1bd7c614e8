/**
 * SHACL shapes generated from the schema model: a node shape per kind and per
 * structured object, targeting the class only that kind has, and a named
 * property shape per (property, predicate) with its cardinality, datatype or
 * class, language, pattern and allowed values. Shapes have IRIs under
 * `<base>shapes#`; only SHACL's own lists (sh:in, sh:or) are RDF collections.
 */
import type { ObjectInfo, PropertyInfo, SchemaSet } from '../../schema/model.js';
import { kindOrThrow, rdfProperties, SchemaModelError } from '../../schema/model.js';
import { expandCurie, type PrefixMap, schemaFilePrefixes } from './prefixes.js';
import { rdfPredicates, valueShape } from './terms.js';
import { type DescriptionStatement, literal, namedNode } from './turtle.js';
import { codeClassesOf } from './vocab.js';

/** A kind or a structured object: what a node shape describes. */
export interface ShapedThing {
  /** `agreement`, or `partnership-announced` for a structured object. */
  name: string;
  info: ObjectInfo;
  /** The class only this thing has, which the shape targets. */
  targetClass: string;
}

export function shapesNamespace(baseIri: string): string {
  return `${baseIri}shapes#`;
}

/** Kinds and structured objects with the class that tells each apart from every other. */
export function shapedThings(schemas: SchemaSet): ShapedThing[] {
  const things: { name: string; info: ObjectInfo }[] = [];
  const visit = (name: string, info: ObjectInfo) => {
    things.push({ name, info });
    for (const p of rdfProperties(info)) if (p.object) visit(`${name}-${p.name}`, p.object);
  };
  for (const kind of schemas.kinds) visit(kind.kind, kind);
  const count = new Map<string, number>();
  for (const { info } of things) for (const type of info.rdfTypes) count.set(type, (count.get(type) ?? 0) + 1);
  // The graph's codes are skos:Concepts too (and some eli:WorkTypes): a shape targeting one of those classes would take them in.
  for (const type of codeClassesOf(schemas)) count.set(type, (count.get(type) ?? 0) + 1);
  return things.map(({ name, info }) => {
    const targetClass = info.rdfTypes.find((type) => count.get(type) === 1);
    if (!targetClass)
      throw new SchemaModelError(`${name} has no x-rdf-type of its own, so no shape can target it: add a class only it has`);
    return { name, info, targetClass };
  });
}

const PARTIAL_DATE_DATATYPES = ['date', 'gYearMonth', 'gYear'];

/** A regular expression matching the text literally. */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface ShapeBuilder {
  out: DescriptionStatement[];
  ns: string;
  prefixes: PrefixMap;
  classOfKind: (kind: string) => string;
  /** The class a reference to a kind points at: the kind's own, or its agent's (x-rdf-agent) for agent references. */
  classOfReference: (kind: string, agent: boolean) => string;
}

function iri(curie: string, prefixes: PrefixMap) {
  return namedNode(expandCurie(curie, prefixes));
}

function valueConstraints(property: PropertyInfo, predicate: string, b: ShapeBuilder, subject: string, objectClass?: string): void {
  const add = (predicate: string, object: DescriptionStatement['object']) =>
    b.out.push({ subject, predicate: expandCurie(predicate, b.prefixes), object });
  const shape = valueShape(property);
  switch (shape.shape) {
    case 'iri': {
      add('sh:nodeKind', iri('sh:IRI', b.prefixes));
      const kinds = property.nested ? [property.nested] : (property.refKinds ?? []);
      const agent = property.rdf?.agent === true;
      if (objectClass) add('sh:class', iri(objectClass, b.prefixes));
      else if (kinds.length === 1) add('sh:class', iri(b.classOfReference(kinds[0] ?? '', agent), b.prefixes));
      else if (kinds.length > 1)
        add(
          'sh:or',
          kinds.map((kind) =>
            namedNode(`${b.ns}instance-of-${kind}${agent && b.classOfReference(kind, true) !== b.classOfKind(kind) ? '-agent' : ''}`),
          ),
        );
      const prefix = property.rdf?.iriPrefix;
      if (prefix && property.enum)
        add(
          'sh:in',
          property.enum.map((value) => namedNode(expandCurie(prefix, b.prefixes) + value)),
        );
      else if (prefix && property.pattern)
        add('sh:pattern', literal(`^${literally(expandCurie(prefix, b.prefixes))}${property.pattern.replace(/^\^/, '')}`));
      return;
    }
    case 'lang':
      add('sh:datatype', iri('rdf:langString', b.prefixes));
      add('sh:languageIn', [literal(shape.lang)]);
      return;
    case 'datatype':
    case 'native':
      add('sh:datatype', iri(shape.datatype, b.prefixes));
      return;
    case 'partial-date':
      // A predicate whose official range is xsd:date carries the full dates only (see `only` in x-rdf).
      if (property.rdf?.only?.[predicate]?.fullDate) add('sh:datatype', iri('xsd:date', b.prefixes));
      else
        add(
          'sh:or',
          PARTIAL_DATE_DATATYPES.map((type) => namedNode(`${b.ns}${type}`)),
        );
      return;
    case 'plain':
      add('sh:datatype', iri('xsd:string', b.prefixes));
      if (property.pattern) add('sh:pattern', literal(property.pattern));
      if (property.enum)
        add(
          'sh:in',
          property.enum.map((value) => literal(value)),
        );
  }
}

function nodeShape(thing: ShapedThing, classes: ReadonlyMap<ObjectInfo, string>, b: ShapeBuilder): void {
  const subject = `${b.ns}${thing.name}`;
  // The node shape's own statements first, then its property shapes, so each reads as one block.
  const propertyShapes: DescriptionStatement[] = [];
  const add = (s: string, predicate: string, object: DescriptionStatement['object']) =>
    (s === subject ? b.out : propertyShapes).push({ subject: s, predicate: expandCurie(predicate, b.prefixes), object });
  add(subject, 'rdf:type', iri('sh:NodeShape', b.prefixes));
  add(subject, 'rdfs:label', literal(thing.info.title || thing.name, 'en'));
  if (thing.info.description) add(subject, 'rdfs:comment', literal(thing.info.description, 'en'));
  add(subject, 'sh:targetClass', iri(thing.targetClass, b.prefixes));
  const seen = new Set<string>();
  for (const property of rdfProperties(thing.info)) {
    for (const predicate of rdfPredicates(property, thing.name)) {
      // One property per predicate in a node, or the cardinality and value constraints would mix two fields.
      if (seen.has(predicate)) throw new SchemaModelError(`${thing.name} publishes ${predicate} for two properties`);
      seen.add(predicate);
      const shape = `${b.ns}${thing.name}-${property.name}-${predicate.replace(':', '_')}`;
      add(subject, 'sh:property', namedNode(shape));
      add(shape, 'rdf:type', iri('sh:PropertyShape', b.prefixes));
      add(shape, 'sh:path', iri(predicate, b.prefixes));
      add(shape, 'sh:name', literal(property.name));
      if (property.description) add(shape, 'sh:description', literal(property.description, 'en'));
      // A predicate published only for some values or holders may be absent where the field is not.
      if (property.required && !property.rdf?.only?.[predicate])
        add(shape, 'sh:minCount', literal('1', namedNode(expandCurie('xsd:integer', b.prefixes))));
      if (!property.array) add(shape, 'sh:maxCount', literal('1', namedNode(expandCurie('xsd:integer', b.prefixes))));
      valueConstraints(
        property,
        predicate,
        { ...b, out: propertyShapes },
        shape,
        property.object ? classes.get(property.object) : undefined,
      );
    }
  }
  b.out.push(...propertyShapes);
}

/** The shapes graph's statements, in a stable order: a node shape per thing with its property shapes, then the helper shapes. Pure. */
export function shapesStatements(schemas: SchemaSet, baseIri: string): DescriptionStatement[] {
  const prefixes = shapesPrefixes(baseIri);
  const things = shapedThings(schemas);
  const classes = new Map(things.map((t) => [t.info, t.targetClass]));
  const classOfKind = (kind: string) => classes.get(kindOrThrow(schemas, kind)) ?? '';
  const classOfReference = (kind: string, agent: boolean) => {
    const info = kindOrThrow(schemas, kind);
    const link = agent && info.agent ? rdfProperties(info).find((p) => p.agentOf === kind)?.object : undefined;
    return (link && classes.get(link)) ?? classOfKind(kind);
  };
  const b: ShapeBuilder = { out: [], ns: shapesNamespace(baseIri), prefixes, classOfKind, classOfReference };
  for (const thing of things) nodeShape(thing, classes, b);
  const rdfType = expandCurie('rdf:type', prefixes);
  for (const kind of schemas.kinds) {
    const subject = `${b.ns}instance-of-${kind.kind}`;
    b.out.push({ subject, predicate: rdfType, object: iri('sh:NodeShape', prefixes) });
    b.out.push({ subject, predicate: expandCurie('sh:class', prefixes), object: iri(classOfKind(kind.kind), prefixes) });
    if (classOfReference(kind.kind, true) !== classOfKind(kind.kind)) {
      const agent = `${subject}-agent`;
      b.out.push({ subject: agent, predicate: rdfType, object: iri('sh:NodeShape', prefixes) });
      b.out.push({
        subject: agent,
        predicate: expandCurie('sh:class', prefixes),
        object: iri(classOfReference(kind.kind, true), prefixes),
      });
    }
  }
  for (const type of PARTIAL_DATE_DATATYPES) {
    const subject = `${b.ns}${type}`;
    b.out.push({ subject, predicate: rdfType, object: iri('sh:NodeShape', prefixes) });
    b.out.push({ subject, predicate: expandCurie('sh:datatype', prefixes), object: iri(`xsd:${type}`, prefixes) });
  }
  return b.out;
}

export function shapesPrefixes(baseIri: string): PrefixMap {
  return { ...schemaFilePrefixes(baseIri), shapes: shapesNamespace(baseIri) };
}
