import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { negotiate } from '../../src/serve/negotiate.js';
import { main } from '../../src/cli/main.js';
import { startSiteServer } from '../../src/serve/server.js';
import { jsonldToNQuads } from '../helpers/jsonld-offline.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

let root: string;
let dist: string;
let server: Server;
let port: number;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'serve-'));
  dist = path.join(root, 'dist');
  await build({ dataDir: FICTIONAL_DATA, outDir: dist });
  // A file beside the release that no request may reach.
  await writeFile(path.join(root, 'secret.txt'), 'secret');
  ({ server } = await startSiteServer(dist, 0));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real request with the path sent exactly as written (no client-side normalisation). */
function get(target: string, accept?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, headers: accept ? { Accept: accept } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const file = (p: string) => readFile(path.join(dist, p), 'utf8');

describe('partnership serve: content negotiation on entity paths', () => {
  it('answers HTML by a 303 to the page', async () => {
    const answer = await get('/agreement/ports-mou', 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8');
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/agreement/ports-mou/');
    expect(answer.headers.vary).toBe('Accept');
    const page = await get('/agreement/ports-mou/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toBe(await file('site/agreement/ports-mou/index.html'));
  });

  // JSON-LD is JSON: a client asking for plain JSON gets the same document, labelled as JSON-LD.
  it.each(['application/ld+json', 'application/json'])('answers the JSON-LD document for %s', async (accept) => {
    const answer = await get('/agreement/ports-mou', accept);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/ld+json');
    expect(answer.body).toBe(await file('site/agreement/ports-mou.jsonld'));
  });

  it('answers the Turtle document for text/turtle, also for nested records with dots in their ids', async () => {
    const answer = await get('/accord/para/1.2', 'text/turtle;q=1, application/ld+json;q=0.5');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(answer.body).toBe(await file('site/accord/para/1.2.ttl'));
  });

  it('answers HTML when the client states no preference', async () => {
    expect((await get('/org/xa-foreign-office')).status).toBe(303);
    expect((await get('/org/xa-foreign-office', '*/*')).headers.location).toBe('/org/xa-foreign-office/');
  });

  it('answers 406 for what it cannot give', async () => {
    const answer = await get('/agreement/ports-mou', 'application/pdf');
    expect(answer.status).toBe(406);
    expect(answer.body).toBe('Not acceptable; available: text/html, application/ld+json, text/turtle, application/json\n');
    expect((await get('/agreement/ports-mou', 'text/html;q=0, application/xml')).status).toBe(406);
  });

  it('answers 404 for unknown paths', async () => {
    expect((await get('/agreement/no-such-thing', 'text/html')).status).toBe(404);
    expect((await get('/agreement/no-such-thing', 'application/ld+json')).status).toBe(404);
    expect((await get('/no/such/file.css')).status).toBe(404);
    expect((await get('/accord/no-such-folder/')).status).toBe(404);
  });

  it("answers a browser's 404 with the site's 404 page, and anything else with plain text", async () => {
    const page = await get('/agreement/no-such-thing/', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toBe(await file('site/404.html'));
    const plain = await get('/agreement/no-such-thing/');
    expect(plain.status).toBe(404);
    expect(plain.body).toBe('Not found\n');
  });

  it('answers the folder above entity pages with the list of their kind', async () => {
    const list = await get('/accord/para/', 'text/html');
    expect(list.status).toBe(200);
    expect(list.body).toBe(await file('site/accord/para/index.html'));
    expect(list.body).toContain('<h1>Paragraphs</h1>');
  });
});

describe('partnership serve: every IRI the release mints dereferences', () => {
  it('answers every IRI under the base in the graph and the catalogue: a page for browsers, Turtle and JSON-LD by negotiation, or the file', async () => {
    const base = 'https://example.org/fictional/';
    const nquads = (await file('partnership.nq')) + (await jsonldToNQuads(JSON.parse(await file('catalog.jsonld'))));
    const iris = new Set(
      (nquads.match(/<[^>]+>/g) ?? [])
        .map((t) => t.slice(1, -1))
        .filter((iri) => iri.startsWith(base))
        .map((iri) => iri.split('#')[0] ?? iri),
    );
    expect(iris.has(`${base}vocab`)).toBe(true);
    expect(iris.has(`${base}dataset/catalog`)).toBe(true);
    const failures: string[] = [];
    for (const iri of iris) {
      const target = `/${iri.slice(base.length)}`;
      if (target === '/sparql') {
        // The SPARQL endpoint the catalogue advertises answers queries (tests/site/sparql.test.ts).
        const answer = await get(`/sparql?query=${encodeURIComponent('ASK {}')}`, 'application/sparql-results+json');
        if (answer.status !== 200) failures.push(`${target} ${answer.status}`);
        continue;
      }
      const isFile = /\.[a-z]+$/.test(target) || target === '/';
      if (isFile) {
        const answer = await get(target);
        if (answer.status !== 200) failures.push(`${target} ${answer.status}`);
        continue;
      }
      const page = await get(target, 'text/html');
      const turtle = await get(target, 'text/turtle');
      const jsonld = await get(target, 'application/ld+json');
      if (page.status !== 303 || turtle.status !== 200 || jsonld.status !== 200)
        failures.push(`${target} ${page.status} ${turtle.status} ${jsonld.status}`);
      else if (!turtle.body.includes(`<${iri}>`) && !turtle.body.includes(iri.slice(base.length)))
        failures.push(`${target}: its Turtle does not name it`);
    }
    expect(failures).toEqual([]);
    expect(iris.size).toBeGreaterThan(20);
    // A code dereferences to the vocabulary, whose page has the code's fragment as an id.
    expect((await get('/vocab/', 'text/html')).body).toContain('id="status/in-force"');
    expect((await get('/dataset/catalog/', 'text/html')).body).toContain('id="distribution/partnership.nq"');
  });
});

describe('partnership serve: files', () => {
  it('serves the landing page, the stylesheet and the download files beside the site', async () => {
    const landing = await get('/');
    expect(landing.status).toBe(200);
    expect(landing.body).toBe(await file('site/index.html'));
    expect((await get('/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    // Scripts with a script's type, or browsers refuse to run them (nosniff).
    expect((await get('/search.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/csv.zip')).headers['content-type']).toBe('application/zip');
    const records = await get('/records.json');
    expect(records.status).toBe(200);
    expect(records.body).toBe(await file('records.json'));
    expect((await get('/SHA256SUMS')).headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});

describe('partnership serve: no way out of dist/', () => {
  it.each([
    ['/../secret.txt', 400],
    ['/../../etc/passwd', 400],
    ['/%2e%2e/secret.txt', 400],
    ['/%2E%2E/%2e%2e/etc/passwd', 400],
    ['/..%2fsecret.txt', 400],
    ['/agreement/..%5c..%5csecret.txt', 400],
    ['/site/../../secret.txt', 400],
    ['/%00', 400],
    ['//etc/passwd', 404],
    ['/etc/passwd', 404],
    ['http://127.0.0.1/../secret.txt', 400],
    ['/%E0%A4%A', 400],
  ])('%s answers %i', async (target, status) => {
    const answer = await get(target);
    expect(answer.status).toBe(status);
    expect(answer.body).not.toContain('secret');
    expect(answer.body).not.toContain('root:');
  });
});

describe('negotiate', () => {
  const offered = ['text/html', 'application/ld+json', 'text/turtle'];
  it('follows q-values and specificity, ties to the first offer', () => {
    expect(negotiate(undefined, offered)).toBe('text/html');
    expect(negotiate('text/*;q=0.5, application/ld+json', offered)).toBe('application/ld+json');
    expect(negotiate('text/*', offered)).toBe('text/html');
    expect(negotiate('*/*;q=0.1, text/turtle', offered)).toBe('text/turtle');
    expect(negotiate('text/turtle;q=0, text/*', ['text/turtle'])).toBeUndefined();
    expect(negotiate('image/png', offered)).toBeUndefined();
  });
});

describe('the serve command', () => {
  it('listens on loopback only', () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('rejects a port that is not one, as a usage error', async () => {
    const err: string[] = [];
    const code = await main(['node', 'partnership', 'serve', '--port', '70000'], {
      stdout: () => {},
      stderr: (t) => err.push(t),
      cwd: root,
    });
    expect(code).toBe(2);
    expect(err.join('')).toContain('a port number from 0 to 65535');
  });

  async function serveCommand(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(['node', 'partnership', 'serve', ...args], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd: root,
    });
    return { code, stdout, stderr };
  }

  it('refuses a folder without a built site, as a usage error', async () => {
    expect(await serveCommand('--dist', 'nowhere', '--port', '0')).toEqual({
      code: 2,
      stdout: '',
      stderr: `partnership serve: no built site at ${path.join('nowhere', 'site')}: run \`partnership build\` first\n`,
    });
  });

  it('reports a port already in use as a usage error, not a fault', async () => {
    expect(await serveCommand('--dist', 'dist', '--port', String(port))).toEqual({
      code: 2,
      stdout: '',
      stderr: `partnership serve: port ${port} is already in use: choose another with --port\n`,
    });
  });
});
