/**
 * SPARQL over the built graph in an embedded Oxigraph store. The data's
 * prefixes are declared for the query (a query may redeclare them), so
 * `doco:Paragraph` or `eli:cites` work as written in the README.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import oxigraph from 'oxigraph';
import type { PrefixMap } from '../compile/rdf/prefixes.js';

export class QuerySyntaxError extends Error {}

/** The built graph is not whole N-Quads (a truncated or damaged release). */
export class GraphLoadError extends Error {}

/** The query ran past its time limit and was stopped. */
export class QueryTimeoutError extends Error {}

/** Default limit on a query's time, in seconds (`--timeout`). */
export const DEFAULT_QUERY_TIMEOUT_SECONDS = 30;

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
  try {
    store.load(nquads, { format: 'application/n-quads' });
  } catch (error) {
    throw new GraphLoadError(error instanceof Error ? error.message : String(error));
  }
  return store;
}

/** SPARQL Update's operations: the first keyword of an update request (after its prologue). */
const UPDATE_KEYWORD =
  /^(?:\s|#[^\n]*\n|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>))*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/i;

/** The update operation a request starts with, if it is one (`INSERT`, `DELETE`...). */
export function updateOperation(sparql: string): string | undefined {
  return UPDATE_KEYWORD.exec(sparql)?.[1]?.toUpperCase();
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
    const update = updateOperation(sparql);
    if (update)
      throw new QuerySyntaxError(
        `${update} is a SPARQL update; updates are not allowed: \`partnership query\` only reads the release (SELECT, ASK, CONSTRUCT, DESCRIBE)`,
      );
    throw new QuerySyntaxError(userPosition(error instanceof Error ? error.message : String(error)));
  }
  if (typeof result === 'boolean') return { kind: 'boolean', value: result };
  if (Array.isArray(result) && (result as unknown[]).every((r) => r instanceof Map)) {
    // The JSON results carry the projected variables in order, unbound ones included; graph results have none.
    const json = solutionsJson(store, text);
    if (json) return { kind: 'solutions', variables: json.head.vars, rows: json.results.bindings };
  }
  const lines = (store.query(text, { results_format: 'application/n-triples' }) as string).split('\n').filter(Boolean);
  return {
    kind: 'graph',
    ntriples: lines
      .sort()
      .map((l) => `${l}\n`)
      .join(''),
  };
}

/**
 * The worker that runs a query within a time limit. Oxigraph answers synchronously
 * from WebAssembly, so the only way to stop a runaway query (a cross product, a
 * sort of millions of rows) is to run it on a thread and terminate the thread.
 * Plain CommonJS source, as the writer's is, so it runs from the sources and compiled.
 */
const QUERY_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
import(pathToFileURL(workerData.runModule).href).then(async (run) => {
  try {
    const store = run.loadNQuads(workerData.nquads);
    parentPort.postMessage({ result: run.runQuery(store, workerData.sparql, workerData.prefixes) });
  } catch (error) {
    parentPort.postMessage({ error: { name: error && error.constructor && error.constructor.name, message: String(error && error.message) } });
  }
});
`;

/**
 * Load the graph and run a query on a thread of its own, stopped after `timeoutSeconds`
 * (QueryTimeoutError). Syntax errors and a graph that does not load come back as
 * QuerySyntaxError and GraphLoadError. Needs the compiled module (a worker cannot load
 * TypeScript): from the sources it runs on this thread, without a limit.
 */
export async function runQueryWithin(nquads: string, sparql: string, prefixes: PrefixMap, timeoutSeconds: number): Promise<QueryResult> {
  const runModule = fileURLToPath(import.meta.url);
  if (!runModule.endsWith('.js')) return runQuery(loadNQuads(nquads), sparql, prefixes);
  const worker = new Worker(QUERY_WORKER_SOURCE, { eval: true, workerData: { runModule, nquads, sparql, prefixes } });
  try {
    return await new Promise<QueryResult>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new QueryTimeoutError(`the query ran for more than ${timeoutSeconds} s and was stopped (raise the limit with --timeout)`)),
        timeoutSeconds * 1000,
      );
      worker.once('message', (reply: { result?: QueryResult; error?: { name?: string; message: string } }) => {
        clearTimeout(timer);
        if (reply.result) return resolve(reply.result);
        const { name, message } = reply.error ?? { message: 'no answer' };
        reject(
          name === 'QuerySyntaxError'
            ? new QuerySyntaxError(message)
            : name === 'GraphLoadError'
              ? new GraphLoadError(message)
              : new Error(message),
        );
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await worker.terminate();
  }
}
