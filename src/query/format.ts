/**
 * A query's answer as text: an aligned table for people (IRIs shortened to
 * CURIEs where a prefix fits), SPARQL 1.1 JSON results, or CSV (RFC 4180, the
 * plain values, as SPARQL's CSV results format writes them, text cells guarded
 * against spreadsheet formulas as the release's CSVs are).
 */
import { compactToCurie, type PrefixMap } from '../compile/rdf/prefixes.js';
import { escapeFormula, formatCsv } from '../compile/tabular/csv.js';
import type { QueryResult, SparqlJsonTerm } from './run.js';

// Here rather than beside the store, so the CLI can offer the choices without loading Oxigraph.
export type QueryFormat = 'table' | 'json' | 'csv';
export const QUERY_FORMATS: readonly QueryFormat[] = ['table', 'json', 'csv'];

function shown(term: SparqlJsonTerm | undefined, prefixes: PrefixMap): string {
  if (!term) return '';
  if (term.type === 'uri') return compactToCurie(term.value, prefixes) ?? term.value;
  return term.value;
}

const NUMERIC_DATATYPE =
  /^http:\/\/www\.w3\.org\/2001\/XMLSchema#(?:integer|decimal|double|float|long|int|short|byte|(?:non)?(?:Negative|Positive)Integer|nonNegativeInteger|nonPositiveInteger|unsigned(?:Long|Int|Short|Byte))$/;

/** A CSV cell guarded as the release's CSVs are: text that a spreadsheet would run as a formula gets an apostrophe; numbers never do. */
function csvCell(term: SparqlJsonTerm | undefined): string {
  if (!term) return '';
  if (term.type === 'literal' && term.datatype && NUMERIC_DATATYPE.test(term.datatype)) return term.value;
  return escapeFormula(term.value);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `${cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd()}\n`;
  return line(header) + line(widths.map((w) => '-'.repeat(w))) + rows.map(line).join('');
}

export function formatQueryResult(result: QueryResult, format: QueryFormat, prefixes: PrefixMap): string {
  if (result.kind === 'graph') return result.ntriples;
  if (result.kind === 'boolean') {
    if (format === 'json') return `${JSON.stringify({ head: {}, boolean: result.value }, null, 2)}\n`;
    return format === 'csv' ? formatCsv(['boolean'], [[String(result.value)]]) : `${result.value}\n`;
  }
  const { variables, rows } = result;
  switch (format) {
    case 'json':
      return `${JSON.stringify({ head: { vars: variables }, results: { bindings: rows } }, null, 2)}\n`;
    case 'csv':
      return formatCsv(
        variables,
        rows.map((row) => variables.map((v) => csvCell(row[v]))),
      );
    case 'table': {
      const body = rows.map((row) => variables.map((v) => shown(row[v], prefixes)));
      return `${table(variables, body)}(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})\n`;
    }
  }
}
