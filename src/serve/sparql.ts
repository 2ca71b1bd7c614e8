/**
 * A read-only SPARQL 1.1 Protocol endpoint over the release's graph
 * (`dist/partnership.nq`) in an embedded Oxigraph store: queries by GET
 * (`?query=`) and POST (form-encoded `query=` or an `application/sparql-query`
 * body); SELECT and ASK results as SPARQL JSON, XML, CSV or TSV, CONSTRUCT and
 * DESCRIBE graphs as Turtle, N-Triples or JSON-LD, by the `Accept` header. Updates
 * are refused (the store only answers queries). Each query runs on a worker thread
 * that is ended when it passes the time limit, so a runaway query cannot hold the server.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { negotiate } from './negotiate.js';

export const SPARQL_PATH = 'sparql';
/** The default time limit of one query. */
export const SPARQL_TIME_LIMIT_MS = 10_000;
const MAX_QUERY_BYTES = 1_000_000;

const SOLUTION_FORMATS = [
  'application/sparql-results+json',
  'application/sparql-results+xml',
  'text/csv',
  'text/tab-separated-values',
  'application/json',
];
const GRAPH_FORMATS = ['text/turtle', 'application/n-triples', 'application/ld+json', 'application/json'];
/** What a client asking for plain JSON gets. */
const PLAIN_JSON: Readonly<Record<string, string>> = { solutions: 'application/sparql-results+json', graph: 'application/ld+json' };

/** The query's form, read past its prologue (comments, BASE and PREFIX declarations). */
export function queryForm(query: string): 'solutions' | 'graph' | undefined {
  const body = query
    .replace(/#[^\n]*/g, ' ')
    .replace(/\b(BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)/gi, ' ')
    .trimStart();
  if (/^(SELECT|ASK)\b/i.test(body)) return 'solutions';
  if (/^(CONSTRUCT|DESCRIBE)\b/i.test(body)) return 'graph';
  return undefined;
}

/** The worker: loads the graph once, then answers `{ id, query, format }` with the serialised result or an error. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const oxigraph = require(workerData.oxigraph);
const store = new oxigraph.Store();
store.load(workerData.nquads, { format: 'application/n-quads' });
parentPort.on('message', ({ id, query, format }) => {
  try {
    parentPort.postMessage({ id, result: String(store.query(query, { results_format: format })) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

interface Pending {
  resolve: (reply: { result?: string; error?: string }) => void;
}

/** One worker holding the store, replaced after a query runs out of time. */
class QueryRunner {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(
    private readonly nquadsFile: string,
    private readonly timeLimitMs: number,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const oxigraph = createRequire(import.meta.url).resolve('oxigraph');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { oxigraph, nquads: readFileSync(this.nquadsFile, 'utf8') } });
    worker.on('message', (reply: { id: number; result?: string; error?: string }) => {
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    worker.on('error', (error) => this.stop(`the query engine failed: ${error.message}`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stop(reason: string): void {
    void this.worker?.terminate();
    this.worker = undefined;
    for (const pending of this.pending.values()) pending.resolve({ error: reason });
    this.pending.clear();
  }

  /** The serialised result, `{ error }` for a bad query, or `{ timeout: true }`. */
  run(query: string, format: string): Promise<{ result?: string; error?: string; timeout?: boolean }> {
    const worker = this.start();
    const id = this.next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.stop('another query ran out of time');
        resolve({ timeout: true });
      }, this.timeLimitMs);
      this.pending.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
      });
      worker.postMessage({ id, query, format });
    });
  }

  close(): void {
    this.stop('the server closed');
  }
}

function send(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  response.end(`${text}\n`);
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_QUERY_BYTES) {
        resolve(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The query of a GET or POST request, or why there is none (SPARQL 1.1 Protocol § 2.1). */
async function queryOf(request: IncomingMessage): Promise<{ query?: string; problem?: string }> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method === 'GET') {
    const queries = url.searchParams.getAll('query');
    return queries.length === 1 ? { query: queries[0] } : { problem: 'give exactly one query parameter' };
  }
  const body = await readBody(request);
  if (body === undefined) return { problem: 'the query is too long' };
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/sparql-query') return { query: body };
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(body);
    if (form.has('update')) return { problem: 'this endpoint is read-only: updates are refused' };
    const queries = form.getAll('query');
    return queries.length === 1 ? { query: queries[0] } : { problem: 'give exactly one query parameter' };
  }
  return { problem: 'POST a query as application/sparql-query or as a form (application/x-www-form-urlencoded)' };
}

export interface SparqlEndpoint {
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  close(): void;
}

export function sparqlEndpoint(nquadsFile: string, timeLimitMs = SPARQL_TIME_LIMIT_MS): SparqlEndpoint {
  const runner = new QueryRunner(nquadsFile, timeLimitMs);
  return {
    close: () => runner.close(),
    async handle(request, response) {
      if (request.method !== 'GET' && request.method !== 'POST') {
        send(response, 405, 'Method not allowed', { Allow: 'GET, POST' });
        return;
      }
      const { query, problem } = await queryOf(request);
      if (query === undefined) {
        send(response, 400, `Bad request: ${problem ?? 'no query'}`);
        return;
      }
      const form = queryForm(query);
      if (!form) {
        send(response, 400, 'Bad request: not a SELECT, ASK, CONSTRUCT or DESCRIBE query (this endpoint is read-only)');
        return;
      }
      const offered = form === 'solutions' ? SOLUTION_FORMATS : GRAPH_FORMATS;
      const chosen = negotiate(request.headers.accept, offered);
      if (!chosen) {
        send(response, 406, `Not acceptable; available: ${offered.join(', ')}`, { Vary: 'Accept' });
        return;
      }
      const format = chosen === 'application/json' ? (PLAIN_JSON[form] ?? chosen) : chosen;
      const answer = await runner.run(query, format);
      if (answer.timeout) send(response, 503, `Service unavailable: the query ran longer than ${timeLimitMs} ms`);
      else if (answer.error !== undefined) send(response, 400, `Bad request: ${answer.error}`);
      else {
        const text = format.startsWith('text/') ? `${format}; charset=utf-8` : format;
        response.writeHead(200, { 'Content-Type': text, Vary: 'Accept', 'X-Content-Type-Options': 'nosniff' });
        response.end(answer.result);
      }
    },
  };
}
