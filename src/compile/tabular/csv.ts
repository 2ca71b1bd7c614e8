/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF after every row, fields quoted
 * only when they hold a quote, a comma or a line break, quotes doubled. UTF-8
 * without byte-order mark (the caller encodes).
 */
import { decimalLexical } from '../../model/decimal.js';
import type { Cell } from './rows.js';
import type { CellType } from './tables.js';

export const CSV_LINE_TERMINATOR = '\r\n';

/**
 * First characters that make a spreadsheet run a cell as a formula (=, +, -, @,
 * tab, CR), and the escape character itself so that escaping can be undone.
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r']/;

/** The escape: a text cell that starts with a trigger gets a leading apostrophe. */
export const FORMULA_ESCAPE = "'";

/** Make a text cell safe to open in a spreadsheet; numbers, booleans and dates are never escaped. */
export function escapeFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? FORMULA_ESCAPE + text : text;
}

/** Undo escapeFormula: drop one leading apostrophe from a text cell. */
export function unescapeFormula(text: string): string {
  return text.startsWith(FORMULA_ESCAPE) ? text.slice(FORMULA_ESCAPE.length) : text;
}

/** The conventions, stated for people (a CSVW processor cannot express all of them). */
export const CSV_CONVENTIONS =
  'RFC 4180 CSV, UTF-8 without byte-order mark, CRLF after every row, header row of column names. ' +
  'An empty cell is a missing (null) value. Lists are never packed into cells: each list is a table of its own with a position column (from 1). ' +
  'Booleans are true or false. Dates are as precise as the sources state them: YYYY, YYYY-MM or YYYY-MM-DD. ' +
  'No text cell starts with =, +, -, @, a tab, a carriage return or an apostrophe (validation refuses such text), so spreadsheets run no cell as a formula ' +
  'and every text cell is its value exactly as written. Number cells are numbers (a negative one starts with -).';

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** A cell's text: empty for null, `true`/`false`, numbers as decimals (CSVW's `decimal`: no exponent, -0 as 0), escaped text. */
export function cellText(value: Cell, type: CellType): string {
  if (value === undefined) return '';
  if (type === 'string') return escapeFormula(String(value));
  return typeof value === 'number' ? decimalLexical(value) : String(value);
}

/** A whole CSV document: header row and rows, every row ended by CRLF. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(quote).join(',') + CSV_LINE_TERMINATOR).join('');
}
