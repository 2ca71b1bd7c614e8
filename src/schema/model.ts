/**
 * The schemas read as a model of the data: kinds, their properties, how each is
 * published (RDF term, CSV table) and how records refer to each other. Every
 * generated artefact (JSON-LD context, CSV headers, CSVW, SHACL, types) derives
 * from this, so it cannot drift from the schemas.
 */
import { byText, isMapping } from '../util/compare.js';

export interface RdfAnnotation {
  /** CURIEs of the predicates the property is published under (mirrored terms). */
  predicates: string[];
  /** Language tag of text literals. */
  lang?: string;
  /** Explicit datatype CURIE; otherwise derived from the JSON type and format. */
  datatype?: string;
  /** The string value is itself an IRI. */
  iri?: boolean;
  /** The value is a code: published as the IRI prefix + value. */
  iriPrefix?: string;
  /** Extra rdf:types of the record when this property has a given value (`*`: any value). */
  typesWhen?: Record<string, string[]>;
  /**
   * Predicates published only for some values or holders, because the official
   * vocabulary's range or domain allows no other: `fullDate`, only a full date (an
   * `xsd:date`, not a year or a month); `holderType`, only on a holder of that class.
   */
  only?: Record<string, PredicateCondition>;
  /** Classes of the codes (iriPrefix + value) besides skos:Concept, e.g. `eli:WorkType`. */
  codeTypes?: string[];
  /** References to a kind that acts through an agent (`x-rdf-agent`) point at that agent. */
  agent?: boolean;
  /** Classes of the IRIs the values name (a licence is a `dcterms:LicenseDocument`), stated in the graph. */
  objectTypes?: string[];
  /** The value is a BCP 47 language tag, published as its language authority IRI (`src/rdf/languages.ts`). */
  languageAuthority?: boolean;
}

export interface PredicateCondition {
  fullDate?: boolean;
  holderType?: string;
}

/**
 * A kind whose records act through an agent described with them (`x-rdf-agent`): a
 * country is a place, and the state that signs, joins and attends is an organisation.
 * References marked `agent` point at the agent, `<record IRI>#<fragment>`, typed
 * `types`, linked from the record by `predicate` (one or more), and carrying the record's
 * `properties` (which describe the agent rather than the place).
 */
export interface AgentAnnotation {
  fragment: string;
  types: string[];
  predicates: string[];
  properties: string[];
  /** What the link says (the comment of a project predicate). */
  description?: string;
}

export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'object';

export type Derivation = { parent: true } | { inverseOf: { kind: string; property: string } };

export interface PropertyInfo {
  name: string;
  description: string;
  required: boolean;
  /** The type of the value, or of each item for lists. */
  valueType: ValueType;
  array: boolean;
  format?: string;
  pattern?: string;
  enum?: string[];
  /** Kinds a reference may point to. */
  refKinds?: string[];
  /** Kind of the records nested here (their own files are this file). */
  nested?: string;
  /** Taken from the parent record when absent on a nested record. */
  inherit: boolean;
  derived?: Derivation;
  rdf?: RdfAnnotation;
  /** Join (or child) table for a list. */
  table?: string;
  /** Structure of an object value (or of each object item). */
  object?: ObjectInfo;
  /** Name of a sibling date property this date may not precede. */
  after?: string;
  /** The text must be an unchanged excerpt of `property` of the record the sibling `reference` names. */
  excerptOf?: { reference: string; property: string };
  /** Made from the kind's `x-rdf-agent` for the RDF only: its object reads the holder's own fields. */
  agentOf?: string;
}

export interface ObjectInfo {
  title: string;
  description: string;
  rdfTypes: string[];
  properties: PropertyInfo[];
  /** A claim (`x-claim`): a fact with the sources and the words it rests on. */
  claim: boolean;
}

/**
 * How the records of a kind are numbered, as in their document (`x-numbering`). A container kind
 * (`within` its document, ordered by `order`) holds numbered parts; a numbered kind has a `number`
 * and may hold sub-parts (`parts`) numbered under it. `id` is the template every id follows:
 * `{within}` the document's id, `{number}` the record's number (a template ending in `/` is a prefix).
 */
export interface Numbering {
  within?: string;
  order?: string;
  number?: string;
  parts?: string;
  id?: string;
}

export interface KindInfo extends ObjectInfo {
  kind: string;
  /** Schema file name, e.g. agreement.schema.json. */
  schemaFile: string;
  schemaId: string;
  /** Glob (relative to the data folder) of the files holding this kind; absent for nested-only kinds. */
  files?: string;
  table: string;
  labelProperty: string;
  numbering?: Numbering;
  agent?: AgentAnnotation;
}

export interface SchemaSet {
  /** Kinds in a stable (alphabetical) order. */
  kinds: KindInfo[];
  byKind: Map<string, KindInfo>;
  /** Every schema document by file name, for the validator. */
  documents: Map<string, JsonSchema>;
}

export type JsonSchema = { [key: string]: unknown };

function asSchema(value: unknown): JsonSchema | undefined {
  return isMapping(value) ? value : undefined;
}

function toList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export class SchemaModelError extends Error {}

/** Resolve a `$ref` into another document of the set, merging the referring schema's own keywords over it. */
function resolve(schema: JsonSchema, documents: Map<string, JsonSchema>): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const [file, fragment = ''] = ref.split('#');
  const document = documents.get(file ?? '');
  if (!document) throw new SchemaModelError(`unresolved $ref ${ref}`);
  let target: unknown = document;
  for (const segment of fragment.split('/').filter(Boolean)) target = asSchema(target)?.[segment];
  const resolved = asSchema(target);
  if (!resolved) throw new SchemaModelError(`unresolved $ref ${ref}`);
  const { $ref: _ignored, ...own } = schema;
  const shape = resolve(resolved, documents);
  const merged: JsonSchema = { ...shape, ...own };
  // A shared object shape (a claim) is narrowed where it is used: the user's properties refine
  // the shape's (`value` gets its enum, `sources` its table), as ajv applies both schemas.
  const targetProperties = asSchema(shape.properties);
  const ownProperties = asSchema(own.properties);
  if (targetProperties && ownProperties) {
    const properties: JsonSchema = { ...targetProperties };
    for (const [name, refinement] of Object.entries(ownProperties)) {
      properties[name] = { ...asSchema(targetProperties[name]), ...asSchema(refinement) };
    }
    merged.properties = properties;
    merged.required = [...new Set([...toList(shape.required), ...toList(own.required)])];
  }
  return merged;
}

function rdfAnnotation(value: unknown): RdfAnnotation | undefined {
  const raw = asSchema(value);
  if (!raw) return undefined;
  const annotation: RdfAnnotation = { predicates: toList(raw.predicate) };
  if (typeof raw.lang === 'string') annotation.lang = raw.lang;
  if (typeof raw.datatype === 'string') annotation.datatype = raw.datatype;
  if (raw.iri === true) annotation.iri = true;
  if (typeof raw.iriPrefix === 'string') annotation.iriPrefix = raw.iriPrefix;
  const typesWhen = asSchema(raw.typesWhen);
  if (typesWhen) {
    annotation.typesWhen = Object.fromEntries(Object.entries(typesWhen).map(([k, v]) => [k, toList(v)]));
  }
  const only = asSchema(raw.only);
  if (only) {
    annotation.only = Object.fromEntries(
      Object.entries(only).map(([predicate, value]) => {
        const condition = asSchema(value) ?? {};
        const parsed: PredicateCondition = {};
        if (condition.fullDate === true) parsed.fullDate = true;
        if (typeof condition.holderType === 'string') parsed.holderType = condition.holderType;
        return [predicate, parsed];
      }),
    );
  }
  if (raw.codeTypes !== undefined) annotation.codeTypes = toList(raw.codeTypes);
  if (raw.agent === true) annotation.agent = true;
  if (raw.objectTypes !== undefined) annotation.objectTypes = toList(raw.objectTypes);
  if (raw.languageAuthority === true) annotation.languageAuthority = true;
  return annotation;
}

function derivation(value: unknown): Derivation | undefined {
  if (value === 'parent') return { parent: true };
  const inverse = asSchema(value)?.inverseOf;
  if (typeof inverse === 'string') {
    const [kind = '', property = ''] = inverse.split('.');
    return { inverseOf: { kind, property } };
  }
  return undefined;
}

function propertyInfo(name: string, raw: JsonSchema, required: boolean, documents: Map<string, JsonSchema>): PropertyInfo {
  const schema = resolve(raw, documents);
  const array = schema.type === 'array';
  const itemsRaw = asSchema(schema.items);
  const nested = typeof schema['x-nested'] === 'string' ? (schema['x-nested'] as string) : undefined;
  // Nested record items are described by their own kind; do not follow the recursive $ref.
  const item = array && itemsRaw && !nested ? resolve(itemsRaw, documents) : schema;
  const valueType = (nested ? 'object' : String(item.type ?? 'string')) as ValueType;
  const info: PropertyInfo = {
    name,
    description: String(schema.description ?? item.description ?? ''),
    required,
    valueType,
    array,
    inherit: schema['x-inherit'] === true,
  };
  if (typeof item.format === 'string') info.format = item.format;
  if (typeof item.pattern === 'string') info.pattern = item.pattern;
  if (Array.isArray(item.enum)) info.enum = item.enum.map(String);
  const refKinds = item['x-ref'] ?? schema['x-ref'];
  if (refKinds !== undefined) info.refKinds = toList(refKinds);
  if (nested) info.nested = nested;
  const derived = derivation(schema['x-derived']);
  if (derived) info.derived = derived;
  const rdf = rdfAnnotation(schema['x-rdf'] ?? item['x-rdf']);
  if (rdf) info.rdf = rdf;
  const table = schema['x-table'] ?? item['x-table'];
  if (typeof table === 'string') info.table = table;
  if (valueType === 'object' && !nested) info.object = objectInfo(item, documents);
  if (typeof schema['x-after'] === 'string') info.after = schema['x-after'];
  const excerptOf = asSchema(schema['x-excerpt-of']);
  if (typeof excerptOf?.reference === 'string' && typeof excerptOf.property === 'string') {
    info.excerptOf = { reference: excerptOf.reference, property: excerptOf.property };
  }
  return info;
}

function objectInfo(schema: JsonSchema, documents: Map<string, JsonSchema>): ObjectInfo {
  const required = new Set(toList(schema.required));
  const properties = Object.entries(asSchema(schema.properties) ?? {})
    .filter(([name]) => name !== '$schema')
    .map(([name, raw]) => propertyInfo(name, asSchema(raw) ?? {}, required.has(name), documents));
  return {
    title: String(schema.title ?? ''),
    description: String(schema.description ?? ''),
    rdfTypes: toList(schema['x-rdf-type']),
    properties,
    claim: schema['x-claim'] === true,
  };
}

/** Build the model from the schema documents (file name to parsed JSON). Pure. */
export function buildSchemaSet(documents: Map<string, JsonSchema>): SchemaSet {
  const kinds: KindInfo[] = [];
  for (const [schemaFile, schema] of documents) {
    const kind = schema['x-kind'];
    if (typeof kind !== 'string') continue;
    const info: KindInfo = {
      ...objectInfo(schema, documents),
      kind,
      schemaFile,
      schemaId: String(schema.$id ?? schemaFile),
      table: String(schema['x-table'] ?? kind),
      labelProperty: String(schema['x-label'] ?? 'id'),
    };
    if (typeof schema['x-files'] === 'string') info.files = schema['x-files'];
    const numbering = asSchema(schema['x-numbering']);
    if (numbering) info.numbering = Object.fromEntries(Object.entries(numbering).filter(([, v]) => typeof v === 'string')) as Numbering;
    const agent = asSchema(schema['x-rdf-agent']);
    if (agent) {
      info.agent = {
        fragment: String(agent.fragment ?? ''),
        types: toList(agent.types),
        predicates: toList(agent.predicate),
        properties: toList(agent.properties),
        ...(typeof agent.description === 'string' ? { description: agent.description } : {}),
      };
    }
    kinds.push(info);
  }
  kinds.sort(byText((k) => k.kind));
  return { kinds, byKind: new Map(kinds.map((k) => [k.kind, k])), documents };
}

const rdfPropertiesOf = new WeakMap<ObjectInfo, PropertyInfo[]>();

/**
 * The properties a kind or object is published with in RDF: its own, except that a
 * kind with an agent (`x-rdf-agent`) hands the agent's properties to a property made
 * for the link, whose object (the agent) reads them from the same record. Tables,
 * validation and pages use the schema's own properties.
 */
export function rdfProperties(info: ObjectInfo): PropertyInfo[] {
  const agent = (info as Partial<KindInfo>).agent;
  if (!agent) return info.properties;
  let known = rdfPropertiesOf.get(info);
  if (!known) {
    const moved = info.properties.filter((p) => agent.properties.includes(p.name));
    const link: PropertyInfo = {
      name: agent.fragment,
      description: agent.description ?? `The ${agent.fragment} as an agent.`,
      required: false,
      valueType: 'object',
      array: false,
      inherit: false,
      rdf: { predicates: agent.predicates },
      object: { title: `${info.title} ${agent.fragment}`.trim(), description: '', rdfTypes: agent.types, properties: moved, claim: false },
      agentOf: (info as KindInfo).kind,
    };
    known = [...info.properties.filter((p) => !moved.includes(p)), link];
    rdfPropertiesOf.set(info, known);
  }
  return known;
}

export function kindOrThrow(schemas: SchemaSet, kind: string): KindInfo {
  const info = schemas.byKind.get(kind);
  if (!info) throw new SchemaModelError(`no schema for kind "${kind}"`);
  return info;
}

/** Each glob compiled once: every data file is matched against every kind's glob. */
const globPatterns = new Map<string, RegExp>();

/** Does a data file path match an x-files glob (`*` stands for one path segment's characters)? */
export function matchesFiles(glob: string, file: string): boolean {
  let pattern = globPatterns.get(glob);
  if (!pattern) {
    const source = glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    pattern = new RegExp(`^${source}$`);
    globPatterns.set(glob, pattern);
  }
  return pattern.test(file);
}

export function kindForFile(schemas: SchemaSet, file: string): KindInfo | undefined {
  return schemas.kinds.find((k) => k.files !== undefined && matchesFiles(k.files, file));
}
