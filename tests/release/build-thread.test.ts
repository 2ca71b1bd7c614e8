/**
 * A large build runs on threads (the build thread with a larger young generation, the validation
 * helper and the writer). It must give exactly what a build without threads gives: the same files,
 * the same diagnostics, and the same failure. Threads only run from the compiled toolkit, so this
 * test drives lib/js/, which the tests' global setup compiles.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as BuildModule from '../../src/build/index.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

const { build } = (await import(new URL('../../lib/js/build.js', import.meta.url).href)) as typeof BuildModule;
const onThreads = (options: Parameters<typeof build>[0]) => build({ ...options, threads: 'always' });
const withoutThreads = (options: Parameters<typeof build>[0]) => build({ ...options, threads: 'never' });
const INVALID = fileURLToPath(new URL('../fixtures/validate/duplicate-id/data/', import.meta.url));

describe('a build on threads', () => {
  it('writes the same release as a build without threads', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'build-thread-'));
    const [threaded, here] = await Promise.all([
      onThreads({ dataDir: FICTIONAL_DATA, outDir: path.join(root, 'a') }),
      withoutThreads({ dataDir: FICTIONAL_DATA, outDir: path.join(root, 'b') }),
    ]);
    expect(threaded.diagnostics).toEqual([]);
    expect(threaded.files).toEqual(here.files);
    expect(threaded.files?.length).toBeGreaterThan(40);
    const sums = await readFile(path.join(root, 'a', 'SHA256SUMS'), 'utf8');
    expect(sums).toBe(await readFile(path.join(root, 'b', 'SHA256SUMS'), 'utf8'));
  });

  it('reports invalid data as the main thread does, and writes nothing', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'build-thread-'));
    const [threaded, here] = await Promise.all([
      onThreads({ dataDir: INVALID, outDir: path.join(root, 'a') }),
      withoutThreads({ dataDir: INVALID, outDir: path.join(root, 'b') }),
    ]);
    expect(threaded.files).toBeUndefined();
    expect(threaded.diagnostics.map((d) => `${d.code} ${d.file}:${d.start.line}:${d.start.column}`)).toEqual([
      'ID_DUPLICATE countries/xc.yaml:1:5',
    ]);
    expect(threaded.diagnostics).toEqual(here.diagnostics);
    expect(await readdir(root)).toEqual([]);
  });

  it('brings back a failure as an error, leaving nothing behind', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'build-thread-'));
    await writeFile(path.join(root, 'file'), 'not a folder');
    await expect(onThreads({ dataDir: FICTIONAL_DATA, outDir: path.join(root, 'file', 'dist') })).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(await readdir(root)).toEqual(['file']);
  });
});
