/**
 * The SPARQL 1.1 Protocol endpoint of `partnership serve` (`/sparql`): query forms,
 * result formats by Accept, read-only, the time limit, and an independent client
 * (Debian's python3-rdflib, installed by scripts/setup-sparql-client.sh).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { queryForm } from '../../src/serve/sparql.js';
import { startSiteServer } from '../../src/serve/server.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

const BASE = 'https://example.org/fictional/';
let root: string;
let server: Server;
let port: number;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sparql-'));
  const dist = path.join(root, 'dist');
  await build({ dataDir: FICTIONAL_DATA, outDir: dist });
  ({ server } = await startSiteServer(dist, 0, { sparqlTimeLimitMs: 1500 }));
  port = (server.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  type: string;
  body: string;
}

function call(method: 'GET' | 'POST' | 'PUT', target: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const SELECT = `SELECT ?title WHERE { <${BASE}agreement/ports-mou> <http://purl.org/dc/terms/title> ?title }`;
const get = (query: string, accept?: string) => call('GET', `/sparql?query=${encodeURIComponent(query)}`, accept ? { Accept: accept } : {});

describe('/sparql', () => {
  it('answers SELECT by GET as SPARQL JSON, XML, CSV and TSV by Accept', async () => {
    const json = await get(SELECT, 'application/sparql-results+json');
    expect([json.status, json.type]).toEqual([200, 'application/sparql-results+json']);
    expect(JSON.parse(json.body).results.bindings).toEqual([{ title: { type: 'literal', value: 'MOU on Ports', 'xml:lang': 'en' } }]);
    expect((await get(SELECT, 'application/sparql-results+xml')).body).toContain('<literal xml:lang="en">MOU on Ports</literal>');
    expect((await get(SELECT, 'text/csv')).body).toBe('title\r\nMOU on Ports\r\n');
    expect((await get(SELECT, 'text/tab-separated-values')).body).toBe('?title\n"MOU on Ports"@en\n');
  });

  it('answers POST (a form or a sparql-query body), ASK, and CONSTRUCT as Turtle, N-Triples or JSON-LD', async () => {
    const form = await call(
      'POST',
      '/sparql',
      { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
      `query=${encodeURIComponent(SELECT)}`,
    );
    expect(JSON.parse(form.body).results.bindings[0].title.value).toBe('MOU on Ports');
    const ask = await call(
      'POST',
      '/sparql',
      { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' },
      `ASK { <${BASE}country/xa#state> a <http://www.w3.org/ns/org#Organization> }`,
    );
    expect(JSON.parse(ask.body)).toEqual({ head: {}, boolean: true });
    const construct = `CONSTRUCT { <${BASE}agreement/ports-mou> <http://purl.org/dc/terms/title> ?t } WHERE { <${BASE}agreement/ports-mou> <http://purl.org/dc/terms/title> ?t }`;
    const ntriples = await get(construct, 'application/n-triples');
    expect([ntriples.type, ntriples.body]).toEqual([
      'application/n-triples',
      `<${BASE}agreement/ports-mou> <http://purl.org/dc/terms/title> "MOU on Ports"@en .\n`,
    ]);
    expect((await get(construct, 'text/turtle')).type).toBe('text/turtle; charset=utf-8');
    expect(JSON.parse((await get(construct, 'application/ld+json')).body)).toEqual([
      { '@id': `${BASE}agreement/ports-mou`, 'http://purl.org/dc/terms/title': [{ '@value': 'MOU on Ports', '@language': 'en' }] },
    ]);
  });

  it('is read-only, reports bad queries and refuses unacceptable formats', async () => {
    const update = `INSERT DATA { <${BASE}x> <${BASE}y> <${BASE}z> }`;
    expect(
      (await call('POST', '/sparql', { 'Content-Type': 'application/x-www-form-urlencoded' }, `update=${encodeURIComponent(update)}`))
        .status,
    ).toBe(400);
    expect((await call('POST', '/sparql', { 'Content-Type': 'application/sparql-query' }, update)).status).toBe(400);
    expect((await call('POST', '/sparql', { 'Content-Type': 'application/sparql-update' }, update)).status).toBe(400);
    expect(JSON.parse((await get(`ASK { <${BASE}x> ?p ?o }`, 'application/json')).body).boolean).toBe(false);
    expect((await get('SELECT ?x WHERE { ?x')).status).toBe(400);
    expect((await get(SELECT, 'text/turtle')).status).toBe(406);
    expect((await call('GET', '/sparql')).status).toBe(400);
    expect((await call('PUT', '/sparql')).status).toBe(405);
  });

  it('ends a query that runs past the time limit, and answers the next one', async () => {
    const slow = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }';
    const started = Date.now();
    expect((await get(slow, 'application/sparql-results+json')).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await get(SELECT, 'text/csv')).body).toBe('title\r\nMOU on Ports\r\n');
  }, 30_000);

  it('tells the query forms apart past comments and declarations', () => {
    expect(queryForm('# c\nPREFIX a: <x:>\nBASE <y:> select * {}')).toBe('solutions');
    expect(queryForm('PREFIX : <x:> DESCRIBE <y:>')).toBe('graph');
    expect(queryForm('INSERT DATA {}')).toBeUndefined();
  });
});

describe('/sparql from an independent client (rdflib SPARQLStore)', () => {
  it('answers rdflib as a SPARQL 1.1 Protocol endpoint', async (context) => {
    const run = promisify(execFile);
    // Debian's python3-rdflib belongs to Debian's interpreter (another python3 may come first on PATH).
    const python = (args: string[]) => run('/usr/bin/python3', args);
    const probe = await python(['-c', 'import rdflib']).then(
      () => true,
      () => false,
    );
    context.skip(!probe, 'python3-rdflib is not installed (bash scripts/setup-sparql-client.sh installs it)');
    const script = [
      'import sys',
      'from rdflib.plugins.stores.sparqlstore import SPARQLStore',
      'store = SPARQLStore(sys.argv[1], returnFormat="json")',
      `rows = list(store.query("SELECT ?t WHERE { <${BASE}agreement/ports-mou> <http://purl.org/dc/terms/title> ?t }"))`,
      'print(rows[0][0], rows[0][0].language)',
      `print(store.query("ASK { <${BASE}country/xa#state> ?p ?o }").askAnswer)`,
    ].join('\n');
    const { stdout } = await python(['-c', script, `http://127.0.0.1:${port}/sparql`]);
    expect(stdout).toBe('MOU on Ports en\nTrue\n');
  }, 30_000);
});
