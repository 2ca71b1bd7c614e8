/**
 * `partnership serve` under faults and by the protocol (issue 14, items 2 and 11):
 * a rebuild under load or an unreadable file never kills it, and files are served
 * with validators, conditional requests, lengths, ranges and a strict policy on pages.
 */
import { chmod, mkdtemp, readFile } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { negotiate } from '../../src/serve/negotiate.js';
import { CONTENT_SECURITY_POLICY, startSiteServer } from '../../src/serve/server.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

let dist: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dist = path.join(await mkdtemp(path.join(tmpdir(), 'serve-faults-')), 'dist');
  await build({ dataDir: FICTIONAL_DATA, outDir: dist });
  ({ server } = await startSiteServer(dist, 0));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve keeps serving (item 2)', () => {
  it('answers every request with a whole file of the old or the new release while dist is rebuilt', async () => {
    const targets = ['/partnership.nq', '/records.json', '/', '/SHA256SUMS'];
    let building = true;
    const answers: Answer[] = [];
    const load = async () => {
      while (building) for (const target of targets) answers.push(await get(target));
    };
    const clients = Array.from({ length: 6 }, load);
    for (let i = 0; i < 3; i++) await build({ dataDir: FICTIONAL_DATA, outDir: dist });
    building = false;
    await Promise.all(clients);
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual([]);
    for (const answer of answers) expect(answer.body.byteLength).toBe(Number(answer.headers['content-length']));
    expect((await get('/records.json')).status).toBe(200);
  }, 60_000);

  it('answers 500 for a file it cannot read, and goes on serving', async (context) => {
    if (process.getuid?.() === 0) {
      context.skip('running as root, which reads any file whatever its mode: no unreadable file can be made');
    }
    const file = path.join(dist, 'records.json');
    await chmod(file, 0o000);
    try {
      expect((await get('/records.json')).status).toBe(500);
      expect((await get('/SHA256SUMS')).status).toBe(200);
    } finally {
      await chmod(file, 0o644);
    }
  });
});

describe('serve by the protocol (item 11)', () => {
  it('gives Content-Length, ETag, Last-Modified and Cache-Control, and 304 to a client that has the file', async () => {
    const first = await get('/records.json');
    expect(first.status).toBe(200);
    expect(first.body.equals(await readFile(path.join(dist, 'records.json')))).toBe(true);
    expect(first.headers['content-length']).toBe(String(first.body.byteLength));
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+-[0-9a-f]+"$/);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(Date.parse(lastModified)).toBeGreaterThan(0);
    const byTag = await get('/records.json', { 'If-None-Match': `W/${etag}` });
    expect({ status: byTag.status, bytes: byTag.body.byteLength, etag: byTag.headers.etag }).toEqual({ status: 304, bytes: 0, etag });
    expect((await get('/records.json', { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get('/records.json', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('puts a strict Content-Security-Policy on pages only', async () => {
    const page = await get('/');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect((await get('/records.json')).headers['content-security-policy']).toBeUndefined();
  });

  it('answers byte ranges of the large dumps with 206, and 416 outside the file', async () => {
    const whole = await readFile(path.join(dist, 'partnership.nq'));
    const part = await get('/partnership.nq', { Range: 'bytes=10-99' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-99/${whole.byteLength}`);
    expect(part.body.equals(whole.subarray(10, 100))).toBe(true);
    const tail = await get('/partnership.nq', { Range: 'bytes=-20' });
    expect(tail.body.equals(whole.subarray(whole.byteLength - 20))).toBe(true);
    const outside = await get('/partnership.nq', { Range: `bytes=${whole.byteLength}-` });
    expect({ status: outside.status, range: outside.headers['content-range'] }).toEqual({
      status: 416,
      range: `bytes */${whole.byteLength}`,
    });
    const stale = await get('/partnership.nq', { Range: 'bytes=0-9', 'If-Range': '"old"' });
    expect({ status: stale.status, bytes: stale.body.byteLength }).toEqual({ status: 200, bytes: whole.byteLength });
  });

  it('ignores q-values outside 0 to 1 (or with more than three decimals)', () => {
    const offered = ['text/html', 'text/turtle'];
    expect(negotiate('text/turtle;q=2, text/html;q=0.5', offered)).toBe('text/html');
    expect(negotiate('text/turtle;q=0.0001, text/html;q=0.5', offered)).toBe('text/html');
    expect(negotiate('text/html;q=-1, text/turtle;q=0.3', offered)).toBe('text/turtle');
    expect(negotiate('text/html;q=1.000, text/turtle;q=0.999', offered)).toBe('text/html');
  });

  it('accepts the absolute-form request target (RFC 9112 §3.2.2), with the same path checks', async () => {
    const answer = await get(`http://127.0.0.1:${port}/records.json`);
    expect(answer.status).toBe(200);
    expect(answer.body.equals(await readFile(path.join(dist, 'records.json')))).toBe(true);
    expect((await get(`http://127.0.0.1:${port}/../x`)).status).toBe(400);
    expect((await get('ftp://127.0.0.1/records.json')).status).toBe(400);
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await get('/records.json', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(Number(head.headers['content-length'])).toBe((await readFile(path.join(dist, 'records.json'))).byteLength);
  });
});
