/**
 * Reading the schemas as the validate stage does: each file parsed with positions, its x-
 * annotations checked against their meta-schema and against the other schemas (the kinds,
 * properties and prefixes they name), and every artefact the schemas generate derived once, so that
 * a schema the build could not publish is reported where it is wrong, before any data is read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv, ErrorObject } from 'ajv';
import { LineCounter, type Node, parseDocument } from 'yaml';
import { compileLinkedData } from '../compile/linked-data.js';
import { dataPrefixes, UnknownPrefixError } from '../compile/rdf/prefixes.js';
import { shapesStatements } from '../compile/rdf/shacl.js';
import { vocabularyStatements } from '../compile/rdf/vocab.js';
import { tableSpecs } from '../compile/tabular/tables.js';
import { type Diagnostic, diagnosticAt, FILE_START, type Place } from '../diagnostics.js';
import { joinPointer, locateNode, pointerSegments, spanOf } from '../load/locate.js';
import { ANNOTATIONS_META_SCHEMA } from '../schema/annotations.js';
import { buildSchemaSet, type JsonSchema, SchemaModelError, type SchemaSet } from '../schema/model.js';
import { DEFAULT_SCHEMA_DIR } from '../schema/read.js';
import { precompiledModule, schemaTextsFingerprint } from '../schema/validator.js';

const requireHere = createRequire(import.meta.url);

/** A schema file as read: its text with positions, and its value when it parsed. */
interface SchemaSource {
  name: string;
  /** The path diagnostics name it by (relative to the data folder, like every diagnostic's). */
  file: string;
  root?: Node;
  lineCounter: LineCounter;
  document?: JsonSchema;
}

function placeIn(source: SchemaSource, pointer: string): Place {
  const located = source.root ? locateNode(source.root, pointer) : undefined;
  // A mapping value is reported at its key: that is what names the faulty annotation or property.
  const span = located ? spanOf(located.key ?? located.node, source.lineCounter) : undefined;
  return { file: source.file, pointer, start: span?.start ?? FILE_START, ...(span ? { end: span.end } : {}) };
}

function readSource(dir: string, name: string, text: string, dataDir: string): { source: SchemaSource; diagnostics: Diagnostic[] } {
  const file = path.relative(dataDir, path.join(dir, name)).split(path.sep).join('/');
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { lineCounter, uniqueKeys: true });
  const source: SchemaSource = { name, file, lineCounter, ...(parsed.contents ? { root: parsed.contents as Node } : {}) };
  const diagnostics = parsed.errors.map((error) => {
    const at = lineCounter.linePos(error.pos[0]);
    return diagnosticAt(
      { file, start: { line: at.line, column: at.col } },
      'SCHEMA_ANNOTATION',
      `${name} is not valid JSON: ${error.message.split('\n')[0]}`,
    );
  });
  if (diagnostics.length === 0) {
    const value = parsed.toJS() as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) source.document = value as JsonSchema;
    else diagnostics.push(diagnosticAt({ file, start: FILE_START }, 'SCHEMA_ANNOTATION', `${name} does not hold a JSON object`));
  }
  return { source, diagnostics };
}

/** The key an error is about, when it is about a key's name (ajv's propertyNames errors). */
function propertyNameOf(error: ErrorObject): string | undefined {
  const name = (error as ErrorObject & { propertyName?: string }).propertyName ?? error.params.propertyName;
  return typeof name === 'string' ? name : undefined;
}

let metaValidator: ReturnType<Ajv['compile']> | undefined;

function annotationErrors(source: SchemaSource): Diagnostic[] {
  // Loaded on use: ajv's compiler is needed only where the schemas are checked (not already checked at compile).
  const { Ajv: AjvClass } = requireHere('ajv') as typeof import('ajv');
  metaValidator ??= new AjvClass({ allErrors: true, strict: false }).compile(ANNOTATIONS_META_SCHEMA);
  if (metaValidator(source.document)) return [];
  // anyOf and its branches each report; the innermost errors say what is wrong, so keep one per place.
  const byPointer = new Map<string, ErrorObject>();
  for (const error of metaValidator.errors ?? []) {
    const name = propertyNameOf(error);
    const pointer = name === undefined ? error.instancePath : joinPointer(error.instancePath, name);
    if (!byPointer.has(pointer)) byPointer.set(pointer, error);
  }
  return [...byPointer].map(([pointer, error]) => {
    const name = propertyNameOf(error);
    const what =
      name !== undefined
        ? `"${name}" is not an annotation the toolkit knows`
        : `${pointer || 'the schema'} ${error.message ?? 'is malformed'}`;
    return diagnosticAt(placeIn(source, pointer), 'SCHEMA_ANNOTATION', `${source.name}: ${what}`, {
      hint: 'see "Schemas" in CONTRIBUTING.md for the x- annotations and their forms',
    });
  });
}

/** Every (pointer, value) of an x- keyword in a schema document, at any depth. */
function annotations(value: unknown, pointer = '', out: { pointer: string; keyword: string; value: unknown; holder: JsonSchema }[] = []) {
  if (value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      annotations(item, joinPointer(pointer, index), out);
    });
    return out;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('x-')) out.push({ pointer: joinPointer(pointer, key), keyword: key, value: inner, holder: value as JsonSchema });
    else annotations(inner, joinPointer(pointer, key), out);
  }
  return out;
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** What the annotations name must exist: kinds, properties, prefixes. */
function referenceErrors(sources: readonly SchemaSource[]): Diagnostic[] {
  const kinds = new Map<string, JsonSchema>();
  for (const source of sources) if (typeof source.document?.['x-kind'] === 'string') kinds.set(source.document['x-kind'], source.document);
  const prefixes = new Set(Object.keys(dataPrefixes('https://example.org/')));
  const propertiesOf = (schema: JsonSchema | undefined) => Object.keys((schema?.properties as JsonSchema | undefined) ?? {});
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    const report = (pointer: string, message: string, hint?: string) =>
      diagnostics.push(diagnosticAt(placeIn(source, pointer), 'SCHEMA_ANNOTATION', `${source.name}: ${message}`, hint ? { hint } : {}));
    const curie = (pointer: string, value: unknown) => {
      // A full IRI (`http://...`) needs no prefix.
      if (typeof value !== 'string' || !value.includes(':') || value.includes('://')) return;
      const prefix = value.slice(0, value.indexOf(':'));
      if (!prefixes.has(prefix))
        report(pointer, `"${value}" uses the unknown prefix "${prefix}"`, `known prefixes: ${[...prefixes].sort().join(', ')}`);
    };
    for (const { pointer, keyword, value, holder } of annotations(source.document)) {
      if (keyword === 'x-ref' || keyword === 'x-nested') {
        listOf(value).forEach((kind, index) => {
          if (typeof kind === 'string' && !kinds.has(kind))
            report(
              Array.isArray(value) ? joinPointer(pointer, index) : pointer,
              `${keyword} names the kind "${kind}", which no schema defines`,
            );
        });
      } else if (keyword === 'x-derived' && typeof value === 'object' && value !== null) {
        const [kind = '', property = ''] = String((value as JsonSchema).inverseOf).split('.');
        if (!kinds.has(kind)) report(joinPointer(pointer, 'inverseOf'), `x-derived names the kind "${kind}", which no schema defines`);
        else if (!propertiesOf(kinds.get(kind)).includes(property))
          report(joinPointer(pointer, 'inverseOf'), `the kind "${kind}" has no property "${property}"`);
      } else if (keyword === 'x-numbering' && typeof value === 'object' && value !== null) {
        for (const field of ['within', 'order', 'number', 'parts'] as const) {
          const name = (value as JsonSchema)[field];
          if (typeof name === 'string' && !propertiesOf(holder).includes(name))
            report(joinPointer(pointer, field), `x-numbering's ${field} names "${name}", which is not a property of this kind`);
        }
      } else if (keyword === 'x-label' && !propertiesOf(holder).includes(String(value))) {
        report(pointer, `x-label names "${String(value)}", which is not a property of this kind`);
      } else if (keyword === 'x-rdf-type') {
        listOf(value).forEach((type, index) => {
          curie(Array.isArray(value) ? joinPointer(pointer, index) : pointer, type);
        });
      } else if (keyword === 'x-rdf' && typeof value === 'object' && value !== null) {
        const rdf = value as JsonSchema;
        listOf(rdf.predicate).forEach((p, index) => {
          curie(Array.isArray(rdf.predicate) ? joinPointer(pointer, 'predicate', index) : joinPointer(pointer, 'predicate'), p);
        });
        curie(joinPointer(pointer, 'datatype'), rdf.datatype);
        curie(joinPointer(pointer, 'iriPrefix'), rdf.iriPrefix);
        for (const [code, types] of Object.entries((rdf.typesWhen as JsonSchema | undefined) ?? {})) {
          listOf(types).forEach((type, index) => {
            curie(joinPointer(pointer, 'typesWhen', code, ...(Array.isArray(types) ? [index] : [])), type);
          });
        }
      }
    }
    const after = annotations(source.document).filter((a) => a.keyword === 'x-after');
    for (const { pointer, value } of after) {
      // x-after sits on a property: its siblings are the other properties of the same object.
      const siblings = pointer.split('/').slice(0, -2).join('/');
      const object = locateValue(source.document, siblings);
      if (!Object.keys((object as JsonSchema | undefined) ?? {}).includes(String(value)))
        report(pointer, `x-after names "${String(value)}", which is not a sibling property`);
    }
  }
  return diagnostics;
}

function locateValue(document: unknown, pointer: string): unknown {
  let value = document;
  for (const segment of pointerSegments(pointer)) value = (value as JsonSchema | undefined)?.[segment];
  return value;
}

/**
 * Derive every artefact the schemas generate (tables, JSON-LD context, shapes, vocabulary) and report
 * what cannot be derived where it stands: the message names `kind.property` where the fault lies.
 */
function modelErrors(schemas: SchemaSet, sources: readonly SchemaSource[]): Diagnostic[] {
  const derivations: (() => unknown)[] = [
    () => tableSpecs(schemas),
    () => compileLinkedData({ records: [], byId: new Map(), byKind: new Map() }, schemas, 'https://example.org/'),
    () => shapesStatements(schemas, 'https://example.org/'),
    () => vocabularyStatements(schemas, 'https://example.org/', ''),
  ];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const derive of derivations) {
    try {
      derive();
    } catch (error) {
      if (!(error instanceof SchemaModelError || error instanceof UnknownPrefixError)) throw error;
      if (seen.has(error.message)) continue;
      seen.add(error.message);
      diagnostics.push(diagnosticAt(modelErrorPlace(error.message, schemas, sources), 'SCHEMA_MODEL', error.message));
    }
  }
  return diagnostics;
}

/** The place a model error's message points at: `kind.property...` or a kind's name, else the first schema. */
function modelErrorPlace(message: string, schemas: SchemaSet, sources: readonly SchemaSource[]): Place {
  const match = /([a-z][a-z0-9-]*)(?:\.([A-Za-z][A-Za-z0-9]*))?/g;
  for (const [, kind = '', property] of message.matchAll(match)) {
    const info = schemas.byKind.get(kind);
    const source = info && sources.find((s) => s.name === info.schemaFile);
    if (!source) continue;
    return placeIn(source, property && info.properties.some((p) => p.name === property) ? joinPointer('/properties', property) : '/x-kind');
  }
  const [first] = sources;
  return first ? placeIn(first, '') : { file: '', start: FILE_START };
}

export interface SchemaLoad {
  schemas: SchemaSet;
  /** Empty when the schemas can be used. */
  diagnostics: Diagnostic[];
}

/** The schema files of a folder, sorted by name, with their texts. */
export async function readSchemaTexts(dir: string): Promise<[name: string, text: string][]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.schema.json')).sort();
  return Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as [string, string]));
}

/** Read and check the schemas; `dataDir` is what diagnostics' paths are relative to. */
export async function loadSchemaSet(dir: string = DEFAULT_SCHEMA_DIR, dataDir: string = dir): Promise<SchemaLoad> {
  const texts = await readSchemaTexts(dir);
  // The checks below (the annotations' meta-schema compiled by ajv, every artefact derived) cost
  // about as much as reading a small data folder: on the real data they were a third of the time
  // `validate` took beyond the bench's floor. `npm run compile` ran them on the shipped schemas and
  // recorded the texts that passed (see checkedSchemasFingerprint), so the same texts are only parsed.
  const fingerprint = schemaTextsFingerprint(texts);
  const passed = passedSchemaSets.get(fingerprint);
  if (passed) return { schemas: passed, diagnostics: [] };
  if (precompiledModule()?.checkedSchemas === fingerprint) {
    return {
      schemas: keepPassed(fingerprint, buildSchemaSet(new Map(texts.map(([name, text]) => [name, JSON.parse(text) as JsonSchema])))),
      diagnostics: [],
    };
  }
  const read = texts.map(([name, text]) => readSource(dir, name, text, dataDir));
  const sources = read.map((r) => r.source);
  const diagnostics: Diagnostic[] = read.flatMap((r) => r.diagnostics);
  for (const source of sources) if (source.document) diagnostics.push(...annotationErrors(source));
  diagnostics.push(...referenceErrors(sources));
  const documents = new Map(sources.flatMap((s) => (s.document ? [[s.name, s.document] as const] : [])));
  const schemas = buildSchemaSet(documents);
  if (diagnostics.length === 0) diagnostics.push(...modelErrors(schemas, sources));
  if (diagnostics.length === 0) keepPassed(fingerprint, schemas);
  return { schemas, diagnostics };
}

/**
 * Schema sets that passed every check in this process, by the fingerprint of their texts. `watch`
 * validates again on every change and the tests validate hundreds of folders in one process: the
 * same schema texts give the same set, and the same set keeps its compiled validators
 * (validate/file.ts), so neither the checks nor ajv's compilation run twice. A set is never changed
 * once built. Bounded, as a process may read many schema folders.
 */
const passedSchemaSets = new Map<string, SchemaSet>();
const PASSED_SCHEMA_SETS_KEPT = 8;

function keepPassed(fingerprint: string, schemas: SchemaSet): SchemaSet {
  if (passedSchemaSets.size >= PASSED_SCHEMA_SETS_KEPT) passedSchemaSets.delete(passedSchemaSets.keys().next().value as string);
  passedSchemaSets.set(fingerprint, schemas);
  return schemas;
}
