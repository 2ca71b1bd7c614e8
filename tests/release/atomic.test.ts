import { cp, mkdtemp, readlink, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { PUBLISHERS } from '../../src/publish/index.js';
import type { Artifact, Publisher } from '../../src/publish/types.js';
import { releasesFolder } from '../../src/build/staging.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';
import { snapshot } from '../helpers/cli.js';

const failing = (artifacts: Artifact[]): Publisher => ({ name: 'failing', publish: () => artifacts });

let root: string;
let outDir: string;
let before: Map<string, string>;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'atomic-'));
  outDir = path.join(root, 'dist');
  await build({ dataDir: FICTIONAL_DATA, outDir });
  before = await snapshot(outDir);
  expect(before.size).toBeGreaterThan(40);
});

/** The release folder is a link to its version, beside at most the one it replaced; no staging or lock is left. */
async function expectVersions(count: number): Promise<void> {
  expect((await readdir(root)).sort()).toEqual(['.dist-releases', 'dist']);
  const versions = await readdir(releasesFolder(outDir));
  expect(versions).toHaveLength(count);
  expect(versions).toContain(path.basename(await readlink(outDir)));
}

async function expectUntouched(): Promise<void> {
  expect(await snapshot(outDir)).toEqual(before);
  await expectVersions(1);
}

describe('a build that fails leaves the previous release exactly as it was', () => {
  it('when the data is invalid', async () => {
    const dataDir = path.join(root, 'data');
    await cp(FICTIONAL_DATA, dataDir, { recursive: true });
    const file = path.join(dataDir, 'countries', 'xa.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Arcadia\n', ''));
    const result = await build({ dataDir, outDir });
    expect(result.files).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain('SCHEMA_REQUIRED');
    await expect(snapshot(outDir)).resolves.toEqual(before);
    expect((await readdir(root)).sort()).toEqual(['.dist-releases', 'data', 'dist']);
  });

  it('when a publisher throws half-way', async () => {
    const crash: Publisher = {
      name: 'crash',
      publish() {
        throw new Error('crashed half-way');
      },
    };
    const publishers = [...PUBLISHERS.slice(0, 2), crash, ...PUBLISHERS.slice(2)];
    await expect(build({ dataDir: FICTIONAL_DATA, outDir, publishers })).rejects.toThrow('crashed half-way');
    await expectUntouched();
  });

  it('when a file cannot be written (name too long), after others were', async () => {
    const publishers = [...PUBLISHERS, failing([{ path: `${'x'.repeat(300)}.txt`, content: 'x', mediaType: 'text/plain' }])];
    await expect(build({ dataDir: FICTIONAL_DATA, outDir, publishers })).rejects.toThrow(/ENAMETOOLONG/);
    await expectUntouched();
  });

  it('when a file would be a folder too', async () => {
    const publishers = [...PUBLISHERS, failing([{ path: 'csv/agreements.csv/inner', content: 'x', mediaType: 'text/plain' }])];
    await expect(build({ dataDir: FICTIONAL_DATA, outDir, publishers })).rejects.toThrow();
    await expectUntouched();
  });

  it('when two publishers write the same file', async () => {
    const publishers = [...PUBLISHERS, failing([{ path: 'records.json', content: '{}', mediaType: 'application/json' }])];
    await expect(build({ dataDir: FICTIONAL_DATA, outDir, publishers })).rejects.toThrow('artifact written twice: records.json');
    await expectUntouched();
  });

  it('when a path escapes the release folder', async () => {
    const publishers = [...PUBLISHERS, failing([{ path: '../escaped.txt', content: 'x', mediaType: 'text/plain' }])];
    await expect(build({ dataDir: FICTIONAL_DATA, outDir, publishers })).rejects.toThrow(/escapes/);
    await expectUntouched();
  });
});

describe('a build that succeeds', () => {
  it('replaces the whole release, dropping files the new one does not have', async () => {
    await writeFile(path.join(outDir, 'stale.txt'), 'from an older release');
    const first = await readlink(outDir);
    const result = await build({ dataDir: FICTIONAL_DATA, outDir });
    expect(result.files?.map((f) => f.path)).toEqual([...before.keys()].map((p) => p.split(path.sep).join('/')).sort());
    expect(await snapshot(outDir)).toEqual(before);
    // The replaced version stays until the next build, which removes it.
    await expectVersions(2);
    const second = await readlink(outDir);
    await build({ dataDir: FICTIONAL_DATA, outDir });
    await expectVersions(2);
    expect(await readdir(releasesFolder(outDir))).toEqual([path.basename(second), path.basename(await readlink(outDir))].sort());
    expect(await readdir(releasesFolder(outDir))).not.toContain(path.basename(first));
  });
});
