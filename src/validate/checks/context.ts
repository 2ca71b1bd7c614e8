import type { Diagnostic, Place } from '../../diagnostics.js';
import type { ParsedFile } from '../../load/parse.js';
import type { Catalog, EntityRecord } from '../../model/catalog.js';
import type { SchemaSet } from '../../schema/model.js';

export interface CheckContext {
  catalog: Catalog;
  schemas: SchemaSet;
  /** Where a field (or an item of it) of a record stands in its file. */
  place(record: EntityRecord, ...path: (string | number)[]): Place;
}

/** A cross-record check: one file each, run in order, returning diagnostics. */
export interface Check {
  name: string;
  run(context: CheckContext): Diagnostic[];
}

/** A check of one file on its own, run where the file is parsed (see validate/file.ts). */
export interface FileCheck {
  name: string;
  run(file: ParsedFile): Diagnostic[];
}

/** Where a field (or an item of it) of a record stands in its file. */
export function placeOf(context: CheckContext, record: EntityRecord, ...path: (string | number)[]): Place {
  return context.place(record, ...path);
}
