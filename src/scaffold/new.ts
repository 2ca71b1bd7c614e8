/**
 * A new record file, written from the schema model: the required fields with
 * placeholders and the schema's descriptions as comments. Pure: no file system.
 *
 * Placeholders for facts (texts, dates, references) are the word TODO, which the
 * checks reject, so an unfilled scaffold can never be published by mistake;
 * choices (enums, booleans, numbers) get a valid value and a TODO comment.
 */
import { Document, type Pair, Scalar, YAMLMap } from 'yaml';
import { formatYaml, kindOrder } from '../fmt/format.js';
import type { KindInfo, ObjectInfo, PropertyInfo, SchemaSet } from '../schema/model.js';
import { PLACEHOLDER } from './placeholder.js';
import { withArticle } from '../text/article.js';

export type IdProblem = { problem: 'malformed'; pattern: string } | { problem: 'no-files' };

/** The id's pattern from the kind's schema (the `id` property). */
export function idPattern(kind: KindInfo): string | undefined {
  return kind.properties.find((p) => p.name === 'id')?.pattern;
}

export function checkNewId(kind: KindInfo, id: string): IdProblem | undefined {
  if (!kind.files) return { problem: 'no-files' };
  const pattern = idPattern(kind);
  if (pattern !== undefined && !new RegExp(pattern, 'u').test(id)) return { problem: 'malformed', pattern };
  return undefined;
}

/**
 * The file path for a record, from the kind's `x-files` glob: the last `*` is the
 * id's last segment, earlier ones its first segments (sections/<document>/<slug>.yaml).
 */
export function pathForId(kind: KindInfo, id: string): string {
  const glob = kind.files ?? '';
  const segments = id.split('/');
  const stars = glob.split('*').length - 1;
  const fill = [...segments.slice(0, Math.max(0, stars - 1)), segments[segments.length - 1] ?? id];
  let index = 0;
  return glob.replace(/\*/g, () => fill[index++] ?? '');
}

function wrapComment(text: string, width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ` ${l}`).join('\n');
}

function describe(property: PropertyInfo): string {
  const parts = [property.description];
  if (property.enum) parts.push(`TODO: choose one of: ${property.enum.join(', ')}.`);
  else if (property.valueType === 'boolean' || property.valueType === 'integer' || property.valueType === 'number') {
    parts.push('TODO: set the value the sources give.');
  } else if (property.refKinds) parts.push(`TODO: the id of ${withArticle(property.refKinds.join(' or '))} record.`);
  else if (property.format) parts.push(`TODO: ${withArticle(property.format)}.`);
  return parts.filter(Boolean).join(' ');
}

function placeholderItem(property: PropertyInfo, schemas: SchemaSet, doc: Document): unknown {
  if (property.nested) {
    const nested = schemas.byKind.get(property.nested);
    return nested ? requiredMap(nested, schemas, doc) : PLACEHOLDER;
  }
  if (property.object) return requiredMap(property.object, schemas, doc);
  // Choices (a status, whether it binds, a count) are facts too: a default value would pass
  // validation as a guess, so they get the placeholder that the checks reject.
  return PLACEHOLDER;
}

/** A list's `minItems` from the kind's own schema document (the model does not carry it). */
function minItems(kind: KindInfo | undefined, property: PropertyInfo, schemas: SchemaSet): number {
  const document = kind ? schemas.documents.get(kind.schemaFile) : undefined;
  const properties = document?.properties as Record<string, { minItems?: unknown }> | undefined;
  const declared = properties?.[property.name]?.minItems;
  return typeof declared === 'number' && declared > 1 ? declared : 1;
}

function requiredMap(info: ObjectInfo, schemas: SchemaSet, doc: Document, id?: string): YAMLMap {
  const map = new YAMLMap();
  const kind = 'kind' in info ? (info as KindInfo) : undefined;
  for (const property of info.properties) {
    if (!property.required || property.derived) continue;
    const items = () => Array.from({ length: minItems(kind, property, schemas) }, () => placeholderItem(property, schemas, doc));
    const value =
      property.name === 'id' && id !== undefined ? id : property.array ? doc.createNode(items()) : placeholderItem(property, schemas, doc);
    const pair = doc.createPair(property.name, value) as Pair<Scalar, unknown>;
    if (property.name !== 'id') pair.key.commentBefore = wrapComment(describe(property));
    map.items.push(pair);
  }
  return map;
}

export interface Scaffold {
  /** Path relative to the data folder. */
  path: string;
  text: string;
}

/** The scaffold of a new record; `schemaLink` is the path from the new file to its schema, for editors. */
export function scaffoldRecord(kind: KindInfo, id: string, schemas: SchemaSet, schemaLink: string): Scaffold {
  const doc = new Document();
  const map = requiredMap(kind, schemas, doc, id);
  doc.contents = map;
  const optional = kind.properties.filter((p) => !p.required && !p.derived).map((p) => p.name);
  const header = [
    ` yaml-language-server: $schema=${schemaLink}`,
    wrapComment(`A new ${kind.kind}: ${kind.description}`),
    wrapComment(
      'Replace every TODO (the checks reject it) with what the sources say, and cite them under sources.' +
        (optional.length > 0 ? ` Optional fields: ${optional.join(', ')}.` : ''),
    ),
  ].join('\n');
  const first = map.items[0]?.key;
  if (first instanceof Scalar) first.commentBefore = header;
  const formatted = formatYaml(doc.toString(), kindOrder(kind, schemas));
  if (!formatted.ok) throw new Error(`scaffold for ${kind.kind} does not format: ${formatted.reason}`);
  return { path: pathForId(kind, id), text: formatted.text };
}
