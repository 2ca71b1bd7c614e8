import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import type { SchemaSet } from './model.js';

// ajv-formats ships CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

/** Keywords the schemas use to say how data is published; ajv must know them in strict mode. */
export const ANNOTATION_KEYWORDS = [
  'x-kind',
  'x-files',
  'x-table',
  'x-label',
  'x-rdf-type',
  'x-rdf',
  'x-ref',
  'x-nested',
  'x-inherit',
  'x-derived',
  'x-after',
];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY, YYYY-MM or YYYY-MM-DD, each part in range (29 February only in leap years). */
export function isPartialDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day >= 1 && day <= max;
}

export interface KindValidator {
  validate(value: unknown): ErrorObject[];
}

/** Compiles every kind's schema once; validation afterwards is a function call per file. */
export function createValidators(schemas: SchemaSet): Map<string, KindValidator> {
  // No code optimisation passes: they cost about a third of the compile time, which every
  // `validate` pays at start-up, and save less than that on the data's thousands of calls.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, verbose: true, code: { optimize: false } });
  addFormats(ajv, ['date', 'uri']);
  ajv.addFormat('partial-date', { type: 'string', validate: isPartialDate });
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  for (const [file, document] of schemas.documents) ajv.addSchema(document, file);
  const validators = new Map<string, KindValidator>();
  for (const kind of schemas.kinds) {
    const compiled: ValidateFunction | undefined = ajv.getSchema(kind.schemaId);
    if (!compiled) throw new Error(`schema ${kind.schemaFile} did not compile`);
    validators.set(kind.kind, {
      validate(value) {
        return compiled(value) ? [] : [...(compiled.errors ?? [])];
      },
    });
  }
  return validators;
}
