import { CHECKS } from './checks/index.js';
import type { Diagnostic } from './diagnostics.js';
import { sortDiagnostics } from './diagnostics.js';
import type { RawFile } from './load/files.js';
import { readYamlFiles } from './load/files.js';
import { type ParsedFile, parseDataFile } from './load/parse.js';
import { type Catalog, type ClassifiedValue, linkCatalog } from './model/catalog.js';
import { schemaDiagnostics } from './schema/errors.js';
import { kindForFile, type SchemaSet } from './schema/model.js';
import { readSchemaSet } from './schema/read.js';
import { createValidators, type KindValidator } from './schema/validator.js';

export interface Validation {
  files: ParsedFile[];
  catalog: Catalog;
  /** Sorted by file and position. */
  diagnostics: Diagnostic[];
}

const compiled = new WeakMap<SchemaSet, Map<string, KindValidator>>();

function validatorsFor(schemas: SchemaSet): Map<string, KindValidator> {
  let validators = compiled.get(schemas);
  if (!validators) {
    validators = createValidators(schemas);
    compiled.set(schemas, validators);
  }
  return validators;
}

function unknownKind(file: ParsedFile, schemas: SchemaSet): Diagnostic {
  const places = schemas.kinds.flatMap((k) => (k.files ? [k.files] : []));
  return {
    code: 'FILE_UNKNOWN_KIND',
    severity: 'error',
    message: `no kind of record lives at ${file.path}`,
    file: file.path,
    start: { line: 1, column: 1 },
    hint: `data files go in: ${places.join(', ')}`,
  };
}

/** Parse, schema-validate, link and cross-check every file. Pure: files and schemas in, result out. */
export function validateFiles(raw: readonly RawFile[], schemas: SchemaSet): Validation {
  const validators = validatorsFor(schemas);
  const files = raw.map((f) => parseDataFile(f.path, f.bytes));
  const diagnostics: Diagnostic[] = [];
  const classified: ClassifiedValue[] = [];
  for (const file of files) {
    diagnostics.push(...file.diagnostics);
    const kind = kindForFile(schemas, file.path);
    if (!kind) {
      diagnostics.push(unknownKind(file, schemas));
      continue;
    }
    if (file.value === undefined) continue;
    diagnostics.push(...schemaDiagnostics(file, validators.get(kind.kind)?.validate(file.value) ?? []));
    classified.push({ file: file.path, kind, value: file.value });
  }
  const catalog = linkCatalog(classified, schemas);
  const context = { catalog, schemas, files: new Map(files.map((f) => [f.path, f])) };
  for (const check of CHECKS) diagnostics.push(...check.run(context));
  return { files, catalog, diagnostics: sortDiagnostics(diagnostics) };
}

export interface DataLocation {
  dataDir: string;
  schemaDir?: string;
}

export async function validateDataDir(location: DataLocation): Promise<Validation & { schemas: SchemaSet }> {
  const schemas = await readSchemaSet(location.schemaDir);
  const raw = await readYamlFiles(location.dataDir);
  return { ...validateFiles(raw, schemas), schemas };
}
