import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, Format, Options, ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { ANNOTATION_KEYWORDS } from './annotations.js';
import type { SchemaSet } from './model.js';

const requireHere = createRequire(import.meta.url);

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

/** The formats the schemas use; the precompiled validators receive the very same objects. */
export const FORMATS: Record<string, Format> = {
  date: fullFormats.date,
  uri: fullFormats.uri,
  'partial-date': { type: 'string', validate: isPartialDate },
};

/** One Ajv with every schema document added, ready to compile (or to generate code for) each kind. */
export function createAjv(schemas: SchemaSet, options: Options = {}): Ajv2020 {
  // Loaded on use: with precompiled validators, `validate` never needs the compiler's modules.
  const { Ajv2020: Ajv } = requireHere('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // No code optimisation passes: they cost about a third of the compile time, which every
  // `validate` pays at start-up when no precompiled validators match, and save less than that.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, verbose: true, code: { optimize: false }, ...options });
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  for (const [file, document] of schemas.documents) ajv.addSchema(document, file);
  return ajv;
}

/** Identifies a set of schema documents, so precompiled validators are used only for the set they were made from. */
export function schemaFingerprint(schemas: SchemaSet): string {
  return createHash('sha256')
    .update(JSON.stringify([...schemas.documents]))
    .digest('hex');
}

/** Identifies the schema files exactly as written (names and texts), whatever they parse to. */
export function schemaTextsFingerprint(files: readonly (readonly [name: string, text: string])[]): string {
  return createHash('sha256').update(JSON.stringify(files)).digest('hex');
}

/** What `npm run compile` writes beside this module (see precompile.ts). */
export interface PrecompiledModule {
  fingerprint: string;
  /**
   * The schemaTextsFingerprint of the schema files that passed every check of validate/schemas.ts
   * when they were compiled (absent if they did not): the same texts need not be checked again.
   */
  checkedSchemas?: string;
  create(formats: Record<string, Format>): Record<string, ValidateFunction | undefined>;
}

export const PRECOMPILED_FILE = 'validators.precompiled.cjs';

/** The module `npm run compile` wrote, or undefined when running from the sources (tests). */
export function precompiledModule(): PrecompiledModule | undefined {
  try {
    return requireHere(`./${PRECOMPILED_FILE}`) as PrecompiledModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

function precompiledFor(schemas: SchemaSet): Record<string, ValidateFunction | undefined> | undefined {
  // Absent when running from the sources (tests): compile at run time instead.
  const module = precompiledModule();
  return module && module.fingerprint === schemaFingerprint(schemas) ? module.create(FORMATS) : undefined;
}

/**
 * A validator per kind. The shipped schemas come precompiled (ajv's compilation is
 * most of `validate`'s start-up); other schema folders are compiled once here.
 */
export function createValidators(schemas: SchemaSet): Map<string, KindValidator> {
  const precompiled = precompiledFor(schemas);
  const ajv = precompiled ? undefined : createAjv(schemas);
  const validators = new Map<string, KindValidator>();
  for (const kind of schemas.kinds) {
    const compiled: ValidateFunction | undefined = precompiled ? precompiled[kind.kind] : ajv?.getSchema(kind.schemaId);
    if (!compiled) throw new Error(`schema ${kind.schemaFile} did not compile`);
    validators.set(kind.kind, {
      validate(value) {
        return compiled(value) ? [] : [...(compiled.errors ?? [])];
      },
    });
  }
  return validators;
}
