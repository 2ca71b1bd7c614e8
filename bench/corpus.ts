/**
 * Synthetic corpus for the benchmark: the real data multiplied into N consistent
 * partnerships. Every copy gets its own ids, file names and references, rewritten
 * where the schema model says a value is an id, a reference, a nested record or
 * an object with references, so each copy validates on its own and the whole
 * corpus validates as one dataset (with the one dataset record of the original).
 *
 * The copies are made by splicing the new ids into the original YAML text at the
 * positions the parser reports, so every copy keeps the real files' layout,
 * comments and size: the benchmark reads files that look like the curated ones.
 *
 *   node bench/.out/bench/corpus.js --scale 10 [--data data] [--out bench/corpus/scale-10]
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument, Scalar, type Node } from 'yaml';
import { listYamlFiles } from '../src/load/files.js';
import { type KindInfo, kindForFile, matchesFiles, type ObjectInfo, type SchemaSet } from '../src/schema/model.js';
import { readSchemaSet } from '../src/schema/read.js';

/** The property that names a record, as the catalog reads it. */
const ID_PROPERTY = 'id';

/** A place in a file's text that holds an id (the record's own or a reference). */
interface IdSlot {
  start: number;
  end: number;
  id: string;
  /** Written as a plain (unquoted) scalar. */
  plain: boolean;
}

/** One data file of the original, read once. */
interface SourceFile {
  path: string;
  text: string;
  kind: KindInfo;
  /** Id of the file's top-level record. */
  id: string;
  slots: IdSlot[];
}

/** Every record id of the original, with the pattern its kind requires. */
interface IdTable {
  patterns: Map<string, RegExp>;
  /** Ids of records that exist once per dataset (their id pattern admits one value). */
  singletons: Set<string>;
}

export interface CorpusSummary {
  scale: number;
  files: number;
  bytes: number;
}

/** A kind whose id pattern is a literal (`^dataset$`) admits one record: it is not copied. */
function literalPattern(pattern: string | undefined): boolean {
  return pattern !== undefined && /^\^[A-Za-z0-9/_-]*\$$/.test(pattern);
}

function idPropertyOf(info: ObjectInfo) {
  return info.properties.find((p) => p.name === ID_PROPERTY);
}

/** Collect the id and reference slots of one record (and of its nested records and objects). */
function collectSlots(node: Node | null | undefined, info: ObjectInfo, schemas: SchemaSet, slots: IdSlot[], ids: IdTable): void {
  if (!isMap(node)) return;
  const pattern = idPropertyOf(info)?.pattern;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const property = info.properties.find((p) => p.name === key);
    const value = pair.value as Node | null;
    if (!property || !value) continue;
    if (property.name === ID_PROPERTY && 'kind' in info && isScalar(value) && typeof value.value === 'string') {
      slots.push(slotOf(value));
      if (pattern) ids.patterns.set(value.value, new RegExp(pattern));
      if (literalPattern(pattern)) ids.singletons.add(value.value);
      continue;
    }
    const items = isSeq(value) ? (value.items as Node[]) : [value];
    for (const item of items) {
      if (property.refKinds && isScalar(item) && typeof item.value === 'string') slots.push(slotOf(item));
      const nested = property.nested ? schemas.byKind.get(property.nested) : undefined;
      if (nested) collectSlots(item, nested, schemas, slots, ids);
      else if (property.object) collectSlots(item, property.object, schemas, slots, ids);
    }
  }
}

function slotOf(scalar: Scalar): IdSlot {
  const [start, end] = scalar.range ?? [0, 0];
  return { start, end, id: String(scalar.value), plain: scalar.type === Scalar.PLAIN };
}

/** Read and index the original data once. */
async function readSources(dataDir: string, schemas: SchemaSet): Promise<{ files: SourceFile[]; ids: IdTable }> {
  const ids: IdTable = { patterns: new Map(), singletons: new Set() };
  const files: SourceFile[] = [];
  for (const file of await listYamlFiles(dataDir)) {
    const kind = kindForFile(schemas, file);
    if (!kind) throw new Error(`no kind of record lives at ${file}`);
    const text = await readFile(path.join(dataDir, file), 'utf8');
    const document = parseDocument(text, { lineCounter: new LineCounter() });
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
    const slots: IdSlot[] = [];
    collectSlots(document.contents, kind, schemas, slots, ids);
    const top = isMap(document.contents) ? document.contents.get(ID_PROPERTY) : undefined;
    files.push({ path: file, text, kind, id: String(top ?? ''), slots: slots.sort((a, b) => a.start - b.start) });
  }
  return { files, ids };
}

/**
 * Names ids for one copy. An id that extends another record's id (a paragraph
 * `<document>/para/5`) follows that record's new id; any other gets a copy tag
 * on its last segment (`agreement/ksfta-x2`) or, where the pattern allows no
 * tag (`country/[a-z]{2}`), the next unused code of the same shape. When every
 * code of that shape is taken (676 two-letter codes: the real data's 7 countries
 * run out after 96 copies), the copy shares the original record, as partnerships
 * share the countries of the world, and its file is not copied.
 */
class IdNamer {
  private readonly used: Set<string>;
  private readonly codes = new Map<string, Generator<string>>();
  /** Ids a later copy shares with the original, having no code of its own left. */
  readonly shared = new Set<string>();

  constructor(private readonly ids: IdTable) {
    this.used = new Set(ids.patterns.keys());
  }

  mapping(copy: number): (id: string) => string {
    const assigned = new Map<string, string>();
    const name = (id: string): string => {
      const known = assigned.get(id);
      if (known !== undefined) return known;
      const fresh =
        copy === 1 || this.ids.singletons.has(id) || !this.ids.patterns.has(id) ? id : (this.fresh(id, copy, name) ?? this.share(id));
      assigned.set(id, fresh);
      return fresh;
    };
    return name;
  }

  private share(id: string): string {
    this.shared.add(id);
    return id;
  }

  /** A new id of the shape of `id`, or undefined when every code of its shape is taken. */
  private fresh(id: string, copy: number, name: (id: string) => string): string | undefined {
    const pattern = this.ids.patterns.get(id) ?? /.*/;
    const accept = (candidate: string): boolean => !this.used.has(candidate) && pattern.test(candidate);
    const take = (candidate: string): string => {
      this.used.add(candidate);
      return candidate;
    };
    const segments = id.split('/');
    for (let cut = segments.length - 1; cut > 0; cut--) {
      const owner = segments.slice(0, cut).join('/');
      if (owner !== id && this.ids.patterns.has(owner)) {
        const candidate = [name(owner), ...segments.slice(cut)].join('/');
        if (accept(candidate)) return take(candidate);
      }
    }
    const head = segments.slice(0, -1);
    const last = segments.at(-1) ?? '';
    const tagged = [...head, `${last}-x${copy}`].join('/');
    if (accept(tagged)) return take(tagged);
    if (/^[a-z]+$/.test(last)) {
      const key = `${head.join('/')}/${last.length}`;
      const codes = this.codes.get(key) ?? lettersOfLength(last.length);
      this.codes.set(key, codes);
      // Step the shared generator by hand: leaving a for-of would close it for the next copy.
      for (let next = codes.next(); !next.done; next = codes.next()) {
        const candidate = [...head, next.value].join('/');
        if (accept(candidate)) return take(candidate);
      }
      return undefined;
    }
    throw new Error(`no free id of the shape of "${id}" for copy ${copy}`);
  }
}

function* lettersOfLength(length: number): Generator<string> {
  const total = 26 ** length;
  for (let n = 0; n < total; n++) {
    let code = '';
    for (let rest = n, i = 0; i < length; i++, rest = Math.floor(rest / 26)) code = String.fromCharCode(97 + (rest % 26)) + code;
    yield code;
  }
}

/** A scalar for the new id in the original's quoting: plain where it reads back as the same string. */
function scalarText(id: string, plain: boolean): string {
  return plain && parse(id) === id ? id : JSON.stringify(id);
}

function spliceIds(file: SourceFile, name: (id: string) => string): string {
  let out = '';
  let at = 0;
  for (const slot of file.slots) {
    out += file.text.slice(at, slot.start) + scalarText(name(slot.id), slot.plain);
    at = slot.end;
  }
  return out + file.text.slice(at);
}

/**
 * The copy's path: each part the kind's glob leaves free is renamed, to the last
 * segment of the record's new id where the file was named after its id, to the new
 * id where a folder is named after a record (a document's sections), else tagged.
 */
function copyPath(file: SourceFile, copy: number, name: (id: string) => string, ids: IdTable): string {
  if (copy === 1) return file.path;
  const glob = (file.kind.files ?? '').split('/');
  const parts = file.path.split('/').map((part, index) => {
    const free = glob[index] ?? '';
    const star = free.indexOf('*');
    if (star < 0) return part;
    const prefix = free.slice(0, star);
    const suffix = free.slice(star + 1);
    const stem = part.slice(prefix.length, part.length - suffix.length);
    let renamed = `${stem}-x${copy}`;
    if (stem === file.id.split('/').at(-1)) renamed = name(file.id).split('/').at(-1) ?? renamed;
    else if (ids.patterns.has(stem) && !name(stem).includes('/')) renamed = name(stem);
    return prefix + renamed + suffix;
  });
  const renamed = parts.join('/');
  if (!matchesFiles(file.kind.files ?? '', renamed)) throw new Error(`copy path ${renamed} leaves ${file.kind.files}`);
  return renamed;
}

/** Where a corpus records what it was made from, so an unchanged one is not written again. */
const STAMP_FILE = '.corpus-sha256';

/**
 * Write `scale` copies of the data in `dataDir` into `outDir` (replaced). A corpus
 * already there with the same content is left as it is: rewriting tens of thousands
 * of files right before they are timed would charge the file system's work on them
 * (the removal of the old ones above all) to the measured runs.
 */
export async function generateCorpus(options: {
  dataDir: string;
  outDir: string;
  scale: number;
  schemas?: SchemaSet;
}): Promise<CorpusSummary> {
  const { dataDir, outDir, scale } = options;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a positive integer, not ${scale}`);
  const schemas = options.schemas ?? (await readSchemaSet());
  const { files, ids } = await readSources(dataDir, schemas);
  const namer = new IdNamer(ids);
  const corpus = new Map<string, string>();
  for (let copy = 1; copy <= scale; copy++) {
    const name = namer.mapping(copy);
    for (const file of files) {
      if (copy > 1 && (ids.singletons.has(file.id) || namer.shared.has(name(file.id)))) continue;
      const target = copyPath(file, copy, name, ids);
      if (corpus.has(target)) throw new Error(`two copies would be written to ${target}`);
      corpus.set(target, spliceIds(file, name));
    }
  }
  const hash = createHash('sha256');
  let bytes = 0;
  for (const [target, text] of corpus) {
    hash.update(`${target}\n${text}\n`);
    bytes += Buffer.byteLength(text);
  }
  const stamp = hash.digest('hex');
  const summary = { scale, files: corpus.size, bytes };
  if ((await readFile(path.join(outDir, STAMP_FILE), 'utf8').catch(() => '')) === stamp) return summary;
  await rm(outDir, { recursive: true, force: true });
  for (const [target, text] of corpus) {
    await mkdir(path.dirname(path.join(outDir, target)), { recursive: true });
    await writeFile(path.join(outDir, target), text);
  }
  await writeFile(path.join(outDir, STAMP_FILE), stamp);
  return summary;
}

function flag(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

export async function corpusCli(args: readonly string[], root: string): Promise<void> {
  const scale = Number(flag(args, '--scale') ?? 1);
  const dataDir = path.resolve(root, flag(args, '--data') ?? 'data');
  const outDir = path.resolve(root, flag(args, '--out') ?? `bench/corpus/scale-${scale}`);
  // Compiled into bench/.out, so name the shipped schemas by the package root, not by this file.
  const schemas = await readSchemaSet(path.join(root, 'schemas'));
  const summary = await generateCorpus({ dataDir, outDir, scale, schemas });
  process.stdout.write(`Wrote ${summary.files} files (${summary.bytes} bytes) to ${path.relative(root, outDir)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await corpusCli(process.argv.slice(2), process.cwd());
}
