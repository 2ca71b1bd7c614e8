/**
 * The one shape every problem takes, from a bad byte to a dangling reference.
 * Diagnostics are plain data: stages return them, reporters format them, and
 * only the CLI entry point turns them into an exit code.
 */
import { compareText } from './util/compare.js';

export type Severity = 'error' | 'warning';

/** 1-based line and column, as editors and GitHub annotations count them. */
export interface Position {
  line: number;
  column: number;
}

export interface RelatedLocation {
  file: string;
  start: Position;
  message: string;
}

/** Stable codes: tests and tools match on these, never on message prose. */
export const DIAGNOSTIC_CODES = {
  FILE_READ: 'The file could not be read.',
  FILE_EMPTY: 'The file is empty or holds only comments.',
  FILE_ENCODING: 'The file is not valid UTF-8.',
  FILE_BOM: 'The file starts with a byte-order mark; save it as UTF-8 without BOM.',
  FILE_CRLF: 'The file uses CRLF line endings; save it with LF.',
  FILE_TOO_LARGE: 'The file is larger than a data file should be.',
  FILE_UNKNOWN_KIND: 'No schema claims a YAML file at this path.',
  YAML_SYNTAX: 'The YAML cannot be parsed.',
  YAML_TAB: 'A tab is used for indentation.',
  YAML_DUPLICATE_KEY: 'A mapping has the same key twice.',
  YAML_ALIAS: 'Anchors and aliases are not allowed in data files.',
  YAML_TAG: 'Custom or unknown YAML tags are not allowed.',
  YAML_MULTIPLE_DOCUMENTS: 'A data file holds exactly one YAML document.',
  YAML_NOT_MAPPING: 'A data file holds one mapping (key: value pairs) at the top.',
  YAML_UNQUOTED_SCALAR: 'An unquoted value was read as a number, boolean or null where text is expected.',
  SCHEMA_ANNOTATION: 'A schema is not valid JSON, or one of its x- annotations is malformed or names what does not exist.',
  SCHEMA_MODEL: 'The schemas cannot be published as they are: a table, term or shape would be lost or ambiguous.',
  SCHEMA_REQUIRED: 'A required field is missing.',
  SCHEMA_ADDITIONAL: 'A field is not part of the schema.',
  SCHEMA_TYPE: 'A value has the wrong type.',
  SCHEMA_ENUM: 'A value is not one of the allowed values.',
  SCHEMA_PATTERN: 'A value does not have the required form.',
  SCHEMA_FORMAT: 'A value is not a valid date, URL or other format.',
  SCHEMA_LENGTH: 'A text or list is too short or too long.',
  SCHEMA_RANGE: 'A number is out of range.',
  SCHEMA_UNIQUE: 'A list has the same item twice.',
  SCHEMA_INVALID: 'A value does not satisfy the schema.',
  ID_DUPLICATE: 'Two records have the same id.',
  ID_MISMATCH: 'A record id does not agree with the fields it is derived from.',
  REF_UNKNOWN: 'A reference names no existing record.',
  REF_WRONG_KIND: 'A reference names a record of the wrong kind.',
  NUMBERING_SEQUENCE: 'Paragraph numbers are not consecutive.',
  NUMBERING_PARENT: 'A sub-paragraph number does not continue its parent paragraph number.',
  DATE_ORDER: 'An end date is before its start date.',
  TEXT_NOT_EXCERPT: 'A text that must quote another record is not an unchanged excerpt of it.',
  SOURCE_MISSING: 'A record cites no source.',
  CLAIM_UNSOURCED: 'A claim (a status, kind, date or party) cites no source.',
  DERIVED_FIELD: 'A derived field is written by hand.',
  DATASET_MISSING: 'The data folder has no dataset description.',
  DATASET_MULTIPLE: 'The data folder has more than one dataset description.',
  PLACEHOLDER: 'A TODO placeholder written by `partnership new` is still in the file.',
  TEXT_CONTROL_CHARACTER: 'A text holds a control character or a bidirectional override.',
  TEXT_FORMULA_START: 'A text starts with a character a spreadsheet would run as a formula.',
  NUMBER_INEXACT: 'A number has more digits than a JSON number holds exactly.',
  YAML_TOO_DEEP: 'Mappings and lists are nested too deeply to read.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Path relative to the data folder, with forward slashes. */
  file: string;
  start: Position;
  end?: Position;
  /** JSON Pointer of the offending value within the file's document. */
  pointer?: string;
  hint?: string;
  related?: RelatedLocation[];
}

export const FILE_START: Position = { line: 1, column: 1 };

/** Where a diagnostic points: a file, and the place in it (a JSON Pointer and its source range, when known). */
export interface Place {
  file: string;
  pointer?: string;
  start: Position;
  end?: Position;
}

/** The one way to make a diagnostic. */
export function diagnosticAt(
  place: Place,
  code: DiagnosticCode,
  message: string,
  extra: { hint?: string; related?: RelatedLocation[]; severity?: 'error' | 'warning' } = {},
): Diagnostic {
  const diagnostic: Diagnostic = {
    code,
    severity: extra.severity ?? 'error',
    message,
    file: place.file,
    start: place.start,
  };
  if (place.pointer !== undefined) diagnostic.pointer = place.pointer;
  if (place.end) diagnostic.end = place.end;
  if (extra.hint) diagnostic.hint = extra.hint;
  if (extra.related) diagnostic.related = extra.related;
  return diagnostic;
}

/**
 * 0 clean, 1 invalid data, 2 usage error (including an --out the build refuses to replace),
 * 3 a fault in the toolkit itself, 4 the machine refused (a path that cannot be read or written,
 * a full disk, a damaged release, another build holding the output folder, a query over its time).
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3, environment: 4 } as const;

export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/** The single rule from diagnostics to exit code. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], strict = false): number {
  return hasErrors(diagnostics, strict) ? EXIT.invalid : EXIT.ok;
}

/** Stable report order: by file, then position, then code (never by discovery order). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.start.line - b.start.line ||
      a.start.column - b.start.column ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
