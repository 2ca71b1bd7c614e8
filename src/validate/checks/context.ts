import type { Node } from 'yaml';
import { type Diagnostic, FILE_START, type Place } from '../../diagnostics.js';
import type { ParsedFile } from '../../load/parse.js';
import { joinPointer, locateNode, spanOf } from '../../load/locate.js';
import type { Catalog, EntityRecord } from '../../model/catalog.js';
import type { SchemaSet } from '../../schema/model.js';

/** The parsed data files by path, for placing a report: a file may be parsed only when asked for. */
export interface ParsedFiles {
  get(path: string): ParsedFile | undefined;
}

export interface CheckContext {
  catalog: Catalog;
  schemas: SchemaSet;
  files: ParsedFiles;
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
export function placeOf(
  context: CheckContext,
  record: EntityRecord,
  ...path: (string | number)[]
): Place {
  const pointer = joinPointer(record.origin.pointer, ...path);
  const file = context.files.get(record.origin.file);
  const root = file?.document?.contents as Node | undefined;
  const located = root ? locateNode(root, pointer) : undefined;
  const span = file && located ? spanOf(located.node, file.lineCounter) : undefined;
  return { file: record.origin.file, pointer, start: span?.start ?? FILE_START, end: span?.end };
}
