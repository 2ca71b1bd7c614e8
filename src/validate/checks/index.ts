import { claimsSourced } from './claims-sourced.js';
import type { Check, FileCheck } from './context.js';
import { controlCharacters } from './control-characters.js';
import { dateOrder } from './date-order.js';
import { derivedFields } from './derived-fields.js';
import { excerpts } from './excerpts.js';
import { exactNumbers } from './exact-numbers.js';
import { formulaText } from './formula-text.js';
import { numbering } from './numbering.js';
import { placeholders } from './placeholders.js';
import { references } from './references.js';
import { singleDataset } from './single-dataset.js';
import { sourcesCited } from './sources-cited.js';
import { uniqueIds } from './unique-ids.js';

/** The cross-record checks, in the order their reports read best. */
export const CHECKS: readonly Check[] = [
  singleDataset,
  uniqueIds,
  references,
  numbering,
  dateOrder,
  excerpts,
  sourcesCited,
  claimsSourced,
  derivedFields,
];

/** The checks of one file on its own. */
export const FILE_CHECKS: readonly FileCheck[] = [placeholders, controlCharacters, exactNumbers, formulaText];
