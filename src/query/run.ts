/**
 * SPARQL over the built graph in an embedded Oxigraph store. The data's
 * prefixes are declared for the query (a query may redeclare them), so
 * `doco:Paragraph` or `eli:cites` work as written in the README.
 */
import oxigraph from 'oxigraph';
import type { PrefixMap } from '../compile/rdf/prefixes.js';

export class QuerySyntaxError extends Error {}


export interface SparqlJsonTerm {
  type: 'uri' | 'literal' | 'bnode' | 'triple';
  value: string;
  'xml:lang'?: string;
  datatype?: string;
}

/** A query's answer: solutions (SELECT), a truth value (ASK), or triples (CONSTRUCT, DESCRIBE) as N-Triples. */
export type QueryResult =
  | { kind: 'solutions'; variables: string[]; rows: Record<string, SparqlJsonTerm>[] }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'graph'; ntriples: string };

export type GraphStore = InstanceType<typeof oxigraph.Store>;

export function loadNQuads(nquads: string): GraphStore {
  const store = new oxigraph.Store();
  store.load(nquads, { format: 'application/n-quads' });
  return store;
}

function prefixHeader(prefixes: PrefixMap): string {
  return Object.entries(prefixes)
    .map(([prefix, namespace]) => `PREFIX ${prefix}: <${namespace}>`)
    .join(' ');
}

/** Oxigraph says `error at LINE:COLUMN: …`; count lines from the user's query, not the prefix line before it. */
function userPosition(message: string): string {
  return message.replace(/^error at (\d+):(\d+)/, (_all, line: string, column: string) => `error at ${Number(line) - 1}:${column}`);
}

const SPARQL_JSON = 'application/sparql-results+json';

interface SolutionsJson {
  head: { vars: string[] };
  results: { bindings: Record<string, SparqlJsonTerm>[] };
}

/** The SELECT results as SPARQL JSON, or undefined for an (empty) CONSTRUCT, which has no such form. */
function solutionsJson(store: GraphStore, text: string): SolutionsJson | undefined {
  try {
    return JSON.parse(store.query(text, { results_format: SPARQL_JSON }) as string) as SolutionsJson;
  } catch {
    return undefined;
  }
}

export function runQuery(store: GraphStore, sparql: string, prefixes: PrefixMap): QueryResult {
  const text = `${prefixHeader(prefixes)}\n${sparql}`;
  let result: ReturnType<GraphStore['query']>;
  try {
    result = store.query(text);
  } catch (error) {
    throw new QuerySyntaxError(userPosition(error instanceof Error ? error.message : String(error)));
  }
  if (typeof result === 'boolean') return { kind: 'boolean', value: result };
  if (Array.isArray(result) && (result as unknown[]).every((r) => r instanceof Map)) {
    // The JSON results carry the projected variables in order, unbound ones included; graph results have none.
    const json = solutionsJson(store, text);
    if (json) return { kind: 'solutions', variables: json.head.vars, rows: json.results.bindings };
  }
  const lines = (store.query(text, { results_format: 'application/n-triples' }) as string).split('\n').filter(Boolean);
  return { kind: 'graph', ntriples: lines.sort().map((l) => `${l}\n`).join('') };
}
