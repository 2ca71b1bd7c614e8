/**
 * The per-file half of validation: decode, parse, schema-check and run the
 * single-file checks on one data file. It needs nothing from other files, so a
 * large data folder can share the files out between two threads (helper-thread.ts).
 */
import { FILE_CHECKS } from './checks/index.js';
import { type Diagnostic, diagnosticAt, FILE_START } from '../diagnostics.js';
import type { RawFile } from '../load/files.js';
import { type ParsedFile, parseDataFile } from '../load/parse.js';
import { schemaDiagnostics } from '../schema/errors.js';
import { kindForFile, type SchemaSet } from '../schema/model.js';
import { createValidators, type KindValidator } from '../schema/validator.js';

/** What the rest of validation needs of a file: plain data, which a helper thread makes as well as this one (tests/validate/helper-thread.test.ts compares them). */
export interface FileValidation {
  path: string;
  /** The kind of record its place says it holds; undefined when no kind lives there. */
  kind?: string;
  /** The plain value; undefined when the file is unusable. */
  value: unknown;
  diagnostics: Diagnostic[];
}

const compiled = new WeakMap<SchemaSet, Map<string, KindValidator>>();

/** The schema validators, compiled (or loaded precompiled) once per schema set. */
export function validatorsFor(schemas: SchemaSet): Map<string, KindValidator> {
  let validators = compiled.get(schemas);
  if (!validators) {
    validators = createValidators(schemas);
    compiled.set(schemas, validators);
  }
  return validators;
}

function unknownKind(file: ParsedFile, schemas: SchemaSet): Diagnostic {
  const places = schemas.kinds.flatMap((k) => (k.files ? [k.files] : []));
  return diagnosticAt({ file: file.path, start: FILE_START }, 'FILE_UNKNOWN_KIND', `no kind of record lives at ${file.path}`, {
    hint: `data files go in: ${places.join(', ')}`,
  });
}

/** One file through every check that looks at that file alone. Pure: never throws for bad input. */
export function validateFile(raw: RawFile, schemas: SchemaSet): { validation: FileValidation; parsed: ParsedFile } {
  const parsed = parseDataFile(raw.path, raw.bytes);
  if (raw.unreadable !== undefined) {
    parsed.diagnostics = [
      diagnosticAt({ file: raw.path, start: FILE_START }, 'FILE_READ', raw.unreadable, {
        hint: 'make it a readable data file inside the data folder, or remove it',
      }),
    ];
    return { validation: { path: raw.path, value: undefined, diagnostics: parsed.diagnostics }, parsed };
  }
  const diagnostics = [...parsed.diagnostics];
  const kind = kindForFile(schemas, parsed.path);
  if (!kind) diagnostics.push(unknownKind(parsed, schemas));
  else if (parsed.value !== undefined) {
    diagnostics.push(...schemaDiagnostics(parsed, validatorsFor(schemas).get(kind.kind)?.validate(parsed.value) ?? []));
  }
  for (const check of FILE_CHECKS) diagnostics.push(...check.run(parsed));
  const validation: FileValidation = { path: parsed.path, value: kind ? parsed.value : undefined, diagnostics };
  if (kind) validation.kind = kind.kind;
  return { validation, parsed };
}
