import { csvTables } from './csv.js';
import { csvwMetadata } from './csvw.js';
import type { Publisher } from './types.js';
import { recordsJson } from './records-json.js';

/**
 * The release's outputs, in the order they are made. Later entries may describe
 * earlier ones (checksums, catalogues), so they come last.
 */
export const PUBLISHERS: readonly Publisher[] = [recordsJson, csvTables, csvwMetadata];
