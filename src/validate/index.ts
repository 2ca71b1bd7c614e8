import { CHECKS } from './checks/index.js';
import type { Node } from 'yaml';
import { type Diagnostic, FILE_START, type Place, sortDiagnostics } from '../diagnostics.js';
import { joinPointer, locateNode, spanOf } from '../load/locate.js';
import type { RawFile } from '../load/files.js';
import { listDataFiles, readYamlFiles } from '../load/files.js';
import { type ParsedFile, parseDataFile } from '../load/parse.js';
import { type Catalog, type ClassifiedValue, type EntityRecord, linkCatalog } from '../model/catalog.js';
import type { SchemaSet } from '../schema/model.js';
import { type ThreadUse, useThread } from '../util/threads.js';
import { type FileValidation, validateFile } from './file.js';
import { loadSchemaSet } from './schemas.js';
import { startValidationHelper, type ValidationHelper } from './helper-thread.js';

export interface Validation {
  catalog: Catalog;
  /** Sorted by file and position. */
  diagnostics: Diagnostic[];
}

/** Every file through the per-file checks on this thread, keeping the parsed files (when given a map) for the cross-record checks. */
function validateEach(raw: readonly RawFile[], schemas: SchemaSet, parsed?: Map<string, ParsedFile>): FileValidation[] {
  return raw.map((file) => {
    const result = validateFile(file, schemas);
    parsed?.set(file.path, result.parsed);
    return result.validation;
  });
}

/** The parsed data files by path, for placing a report: a file may be parsed only when asked for. */
interface ParsedFiles {
  get(path: string): ParsedFile | undefined;
}

/** Where a field of a record stands in its file, as the checks' reports need it. */
function placer(files: ParsedFiles): (record: EntityRecord, ...path: (string | number)[]) => Place {
  return (record, ...path) => {
    const pointer = joinPointer(record.origin.pointer, ...path);
    const file = files.get(record.origin.file);
    const root = file?.document?.contents as Node | undefined;
    const located = root ? locateNode(root, pointer) : undefined;
    const span = file && located ? spanOf(located.node, file.lineCounter) : undefined;
    return { file: record.origin.file, pointer, start: span?.start ?? FILE_START, end: span?.end };
  };
}

/** The files by path, each parsed again only when a cross-record check asks for it (to place a report). */
function parsedOnDemand(raw: readonly RawFile[]): ParsedFiles {
  const sources = new Map(raw.map((file) => [file.path, file]));
  const parsed = new Map<string, ParsedFile>();
  return {
    get(path) {
      let file = parsed.get(path);
      const source = file ? undefined : sources.get(path);
      if (source) parsed.set(path, (file = parseDataFile(source.path, source.bytes)));
      return file;
    },
  };
}

/** The cross-record half: link the values into a catalog and run the checks across records. */
function validateAcross(validations: readonly FileValidation[], files: ParsedFiles, schemas: SchemaSet): Validation {
  const diagnostics: Diagnostic[] = [];
  const classified: ClassifiedValue[] = [];
  for (const file of validations) {
    diagnostics.push(...file.diagnostics);
    const kind = file.kind === undefined ? undefined : schemas.byKind.get(file.kind);
    if (kind && file.value !== undefined) classified.push({ file: file.path, kind, value: file.value });
  }
  const catalog = linkCatalog(classified, schemas);
  const place = placer(files);
  for (const check of CHECKS) diagnostics.push(...check.run({ catalog, schemas, place }));
  return { catalog, diagnostics: sortDiagnostics(diagnostics) };
}

/** Parse, schema-validate, link and cross-check every file. Pure: files and schemas in, result out. */
export function validateFiles(raw: readonly RawFile[], schemas: SchemaSet): Validation {
  const parsed = new Map<string, ParsedFile>();
  return validateAcross(validateEach(raw, schemas, parsed), parsed, schemas);
}

/**
 * With a helper thread: the helper validates the first `share` of the files (by size) while this
 * thread validates the rest. Neither keeps the parsed documents (at this size they would be copied
 * through every young-generation collection): a file is parsed again only if a cross-record check
 * reports on it and needs its positions.
 */
async function validateFilesWithHelper(raw: readonly RawFile[], schemas: SchemaSet, helper: ValidationHelper): Promise<Validation> {
  const total = raw.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  let split = 0;
  for (let bytes = 0; split < raw.length && bytes < total * HELPER_SHARE; split++) bytes += raw[split]?.bytes.byteLength ?? 0;
  const helped = helper.validate(raw.slice(0, split), schemas);
  const mine = validateEach(raw.slice(split), schemas);
  return validateAcross([...(await helped), ...mine], parsedOnDemand(raw), schemas);
}

/** The helper's share of the bytes: less than half, as it starts later and sends its answers back. */
const HELPER_SHARE = 0.45;

/** From this many files on, a helper thread is worth its start-up (about a tenth of a second). */
const HELPER_FROM_FILES = 1000;

export interface DataLocation {
  dataDir: string;
  schemaDir?: string;
}

export interface ValidateOptions {
  /** Whether a helper thread may take a share of the files (default 'auto': where it pays). */
  threads?: ThreadUse | undefined;
  /** A helper already running, for validating again and again (it is used whatever the size, and left running). */
  helper?: ValidationHelper | undefined;
}

export async function validateDataDir(location: DataLocation, options: ValidateOptions = {}): Promise<Validation & { schemas: SchemaSet }> {
  const listing = listDataFiles(location.dataDir);
  const started =
    !options.helper && useThread(options.threads ?? 'auto', listing.paths.length, HELPER_FROM_FILES) ? startValidationHelper() : undefined;
  const helper = options.helper ?? started;
  try {
    const { schemas, diagnostics } = await loadSchemaSet(location.schemaDir, location.dataDir);
    // Data cannot be checked against schemas that are themselves wrong: report those alone.
    if (diagnostics.length > 0) return { catalog: linkCatalog([], schemas), diagnostics: sortDiagnostics(diagnostics), schemas };
    const raw = await readYamlFiles(location.dataDir, listing);
    const validation = helper ? await validateFilesWithHelper(raw, schemas, helper) : validateFiles(raw, schemas);
    return { ...validation, schemas };
  } finally {
    await started?.close();
  }
}
