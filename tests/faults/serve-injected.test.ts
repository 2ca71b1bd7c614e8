/**
 * `partnership serve` with faults injected under it (issue 14, item 2): a file that
 * cannot be opened, one that vanished, and a read that fails half-way. (A test
 * running as root cannot make a file unreadable by its mode, so the fault is
 * injected where the server opens files, through its openFile option.) The server answers 500 / 404 or cuts that
 * one response, and goes on serving.
 */
import { type FileHandle, mkdtemp, open } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { startSiteServer } from '../../src/serve/server.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

type Fault = 'EACCES' | 'ENOENT' | 'mid-stream';
const faults = new Map<string, Fault>();

/** The file system's open, failing as the test says for the files it names. */
async function openWithFaults(file: string): Promise<FileHandle> {
  const fault = faults.get(path.basename(file));
  if (fault === 'EACCES' || fault === 'ENOENT') {
    throw Object.assign(new Error(`${fault}: injected, open '${file}'`), { code: fault, syscall: 'open', path: file });
  }
  const handle = await open(file, 'r');
  if (fault !== 'mid-stream') return handle;
  // A stream that gives a first chunk, then fails as a disk read would.
  return Object.assign(handle, {
    createReadStream: () => {
      void handle.close();
      let sent = false;
      return new Readable({
        read() {
          if (!sent) {
            sent = true;
            this.push(Buffer.from('{"partial":'));
          } else this.destroy(Object.assign(new Error('EIO: injected read failure'), { code: 'EIO' }));
        },
      });
    },
  });
}

let server: Server;
let port: number;

beforeAll(async () => {
  const dist = path.join(await mkdtemp(path.join(tmpdir(), 'serve-injected-')), 'dist');
  await build({ dataDir: FICTIONAL_DATA, outDir: dist });
  ({ server } = await startSiteServer(dist, 0, { openFile: openWithFaults }));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function get(target: string): Promise<{ status: number; complete: boolean }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: target }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, complete: res.complete }));
      res.on('aborted', () => resolve({ status: res.statusCode ?? 0, complete: false }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, complete: false }));
    });
    // A response cut before its headers reached the client is a hang-up: cut all the same.
    req.on('error', () => resolve({ status: 0, complete: false }));
    req.end();
  });
}

describe('serve with faults injected under it', () => {
  it('answers 500 for a file that cannot be opened, 404 for one that vanished, and goes on', async () => {
    faults.set('records.json', 'EACCES');
    faults.set('catalog.jsonld', 'ENOENT');
    try {
      expect(await get('/records.json')).toEqual({ status: 500, complete: true });
      expect(await get('/catalog.jsonld')).toEqual({ status: 404, complete: true });
      expect(await get('/SHA256SUMS')).toEqual({ status: 200, complete: true });
    } finally {
      faults.clear();
    }
  });

  it('cuts the one response whose read fails half-way, and goes on', async () => {
    faults.set('records.json', 'mid-stream');
    try {
      expect((await get('/records.json')).complete).toBe(false);
    } finally {
      faults.clear();
    }
    expect(await get('/records.json')).toEqual({ status: 200, complete: true });
  });
});
