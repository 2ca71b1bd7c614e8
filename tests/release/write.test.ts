/**
 * The staging writer: files given whole or in parts (parts of one file may span
 * several messages to the writer threads) land on disk byte for byte, with the
 * sizes and SHA-256 the describing files state.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, readlink, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryOutput } from '../../src/publish/output.js';
import type { Artifact } from '../../src/publish/types.js';
import { releasesFolder, writeRelease } from '../../src/build/staging.js';
import { writeReleaseAtomically } from '../helpers/release.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('writing a release', () => {
  it('writes files whole and in parts, interleaved, with their digests', async () => {
    const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'write-')), 'dist');
    // 3.5 million characters in parts (several writer messages), with non-ASCII text so bytes != characters.
    const parts = Array.from({ length: 50_000 }, (_, i) => `<s${i}> <p> "Seoul 서울 ${'x'.repeat(50)}" .\n`);
    const small = Array.from(
      { length: 300 },
      (_, i): Artifact => ({ path: `site/e${i}/index.html`, content: `page ${i} — ü`, mediaType: 'text/html' }),
    );
    const artifacts: Artifact[] = [
      ...small.slice(0, 150),
      { path: 'big.nq', content: parts, mediaType: 'application/n-quads' },
      ...small.slice(150),
      { path: 'bin.dat', content: new Uint8Array([0, 1, 2, 255]), mediaType: 'application/octet-stream' },
    ];
    const files = await writeReleaseAtomically(outDir, artifacts);

    const big = await readFile(path.join(outDir, 'big.nq'));
    expect(big.toString('utf8')).toBe(parts.join(''));
    expect(files.find((f) => f.path === 'big.nq')).toEqual({
      path: 'big.nq',
      mediaType: 'application/n-quads',
      bytes: big.byteLength,
      sha256: sha256(big),
    });
    const page = await readFile(path.join(outDir, 'site/e299/index.html'));
    expect(page.toString('utf8')).toBe('page 299 — ü');
    expect(files.find((f) => f.path === 'site/e299/index.html')).toMatchObject({ bytes: page.byteLength, sha256: sha256(page) });
    expect([...(await readFile(path.join(outDir, 'bin.dat')))]).toEqual([0, 1, 2, 255]);
    expect(files.map((f) => f.path)).toEqual(artifacts.map((a) => a.path).sort());
    expect((await readdir(path.dirname(outDir))).sort()).toEqual(['.dist-releases', 'dist']);
  });

  it('gives the digests of earlier files to a later one, as the describing publishers need them', async () => {
    const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'write-')), 'dist');
    await writeRelease(outDir, async (output) => {
      await output.add({ path: 'a.txt', content: ['hello ', 'world'], mediaType: 'text/plain' });
      await output.add({ path: 'b.txt', content: 'bye', mediaType: 'text/plain' });
      const lines = (await output.digests()).map((d) => `${d.sha256}  ${d.path}\n`);
      await output.add({ path: 'SUMS', content: lines.join(''), mediaType: 'text/plain' });
    });
    expect(await readFile(path.join(outDir, 'SUMS'), 'utf8')).toBe(
      `${sha256(Buffer.from('hello world'))}  a.txt\n${sha256(Buffer.from('bye'))}  b.txt\n`,
    );
  });

  it('lists every file so far in path order each time it is asked, files added in any order', async () => {
    const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'write-')), 'dist');
    const listed: string[][] = [];
    await writeRelease(outDir, async (output) => {
      for (const name of ['m', 'c', 'x']) await output.add({ path: name, content: name, mediaType: 'text/plain' });
      listed.push((await output.digests()).map((d) => d.path));
      for (const name of ['a', 'n', 'z', 'b']) await output.add({ path: name, content: name, mediaType: 'text/plain' });
      listed.push((await output.digests()).map((d) => d.path));
      listed.push((await output.digests()).map((d) => d.path));
    });
    expect(listed).toEqual([
      ['c', 'm', 'x'],
      ['a', 'b', 'c', 'm', 'n', 'x', 'z'],
      ['a', 'b', 'c', 'm', 'n', 'x', 'z'],
    ]);
  });

  it('refuses a path that is not a plain relative path inside the release', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'write-'));
    for (const bad of ['../x', 'a/../b', '/etc/x', 'a//b', 'a/./b', 'a/', 'a\\b', '..']) {
      await expect(
        writeReleaseAtomically(path.join(root, 'dist'), [{ path: bad, content: 'x', mediaType: 'text/plain' }]),
        bad,
      ).rejects.toThrow(/escapes the release/);
    }
    expect(await readdir(root)).toEqual([]);
    // The in-memory output (tests, compileRelease) refuses the same paths.
    await expect(new MemoryOutput().add({ path: 'a/../b', content: 'x', mediaType: 'text/plain' })).rejects.toThrow(/escapes the release/);
    await writeReleaseAtomically(path.join(root, 'dist'), [{ path: '.well-known/a..b', content: 'x', mediaType: 'text/plain' }]);
    expect(await readFile(path.join(root, 'dist', '.well-known', 'a..b'), 'utf8')).toBe('x');
  });

  it('fails, leaving nothing behind, when a file in parts cannot be written', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'write-'));
    const parts = Array.from({ length: 30_000 }, () => 'y'.repeat(100));
    const artifacts: Artifact[] = [
      { path: 'x/file', content: 'a file where a folder is needed', mediaType: 'text/plain' },
      { path: 'x/file/inner', content: parts, mediaType: 'text/plain' },
    ];
    await expect(writeReleaseAtomically(path.join(root, 'dist'), artifacts)).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(await readdir(root)).toEqual([]);
  });

  it('over a previous release: links the files it holds unchanged, writes the others, and keeps no folder of it that is gone', async () => {
    const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'write-')), 'dist');
    const file = (p: string, content: string): Artifact => ({ path: p, content, mediaType: 'text/plain' });
    await writeReleaseAtomically(outDir, [
      file('same.txt', 'same'),
      file('site/a/index.html', 'a'),
      file('site/gone/deep/index.html', 'gone'),
      file('changed.txt', 'old'),
    ]);
    const before = await stat(path.join(outDir, 'same.txt'));

    let linkedDuringBuild = 0;
    const files = await writeRelease(outDir, async (output) => {
      for (const artifact of [
        file('same.txt', 'same'),
        file('site/a/index.html', 'a'),
        file('changed.txt', 'new text'),
        file('site/b/index.html', 'b'),
      ])
        await output.add(artifact);
      await output.digests();
      // Linked, so the staging copy is the previous release's file (two names, one file) until the swap.
      linkedDuringBuild = (await stat(path.join(outDir, 'same.txt'))).nlink;
    });

    expect(linkedDuringBuild).toBe(2);
    expect((await stat(path.join(outDir, 'same.txt'))).ino).toBe(before.ino);
    // Still two names: the replaced version stays until the next build removes it.
    expect((await stat(path.join(outDir, 'same.txt'))).nlink).toBe(2);
    expect(await readFile(path.join(outDir, 'changed.txt'), 'utf8')).toBe('new text');
    expect(files.map((f) => [f.path, f.bytes, f.sha256])).toEqual([
      ['changed.txt', 8, sha256(Buffer.from('new text'))],
      ['same.txt', 4, sha256(Buffer.from('same'))],
      ['site/a/index.html', 1, sha256(Buffer.from('a'))],
      ['site/b/index.html', 1, sha256(Buffer.from('b'))],
    ]);
    expect((await readdir(path.join(outDir, 'site'))).sort()).toEqual(['a', 'b']);
    expect((await readdir(path.dirname(outDir))).sort()).toEqual(['.dist-releases', 'dist']);
  });

  it('makes a release in the version the previous build replaced, exactly, without changing the previous release', async () => {
    const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'write-')), 'dist');
    const file = (p: string, content: string): Artifact => ({ path: p, content, mediaType: 'text/plain' });
    const release = (...files: Artifact[]) => writeReleaseAtomically(outDir, files);
    const tree = async (folder: string) =>
      (await readdir(folder, { recursive: true, withFileTypes: true }))
        .map((e) => `${path.relative(folder, path.join(e.parentPath, e.name))}${e.isDirectory() ? '/' : ''}`)
        .sort();
    const contents = async (folder: string) =>
      Object.fromEntries(
        await Promise.all(
          (await tree(folder)).filter((p) => !p.endsWith('/')).map(async (p) => [p, await readFile(path.join(folder, p), 'utf8')]),
        ),
      );

    // 1 and 2: the second links what it keeps from the first; 3 is made in 1's folder.
    await release(
      file('same.txt', 'same'),
      file('changed.txt', 'one'),
      file('gone/deep/x.txt', 'x'),
      file('k', 'a file'),
      file('f/x', 'in a folder'),
    );
    const firstFolder = await stat(path.resolve(path.dirname(outDir), await readlink(outDir)));
    await release(
      file('same.txt', 'same'),
      file('changed.txt', 'two'),
      file('shared.txt', 'kept once'),
      file('k', 'a file'),
      file('f/x', 'in a folder'),
    );
    const second = path.resolve(path.dirname(outDir), await readlink(outDir));
    const secondBefore = await contents(second);
    const sameBefore = await stat(path.join(second, 'same.txt'));
    const files = await release(
      file('same.txt', 'same'),
      file('changed.txt', 'three'),
      // One file in the first two releases (linked), which the recycled folder holds: replaced, never written into.
      file('shared.txt', 'then changed'),
      file('k/inner.txt', 'a folder where a file was'),
      file('f', 'a file where a folder was'),
      file('new/y.txt', 'y'),
    );
    const third = path.resolve(path.dirname(outDir), await readlink(outDir));

    // The first release's folder, renamed: no folder was made for the third.
    expect((await stat(third)).ino).toBe(firstFolder.ino);
    expect(await contents(outDir)).toEqual({
      'changed.txt': 'three',
      f: 'a file where a folder was',
      'k/inner.txt': 'a folder where a file was',
      'new/y.txt': 'y',
      'same.txt': 'same',
      'shared.txt': 'then changed',
    });
    expect(await tree(outDir)).toEqual(['changed.txt', 'f', 'k/', 'k/inner.txt', 'new/', 'new/y.txt', 'same.txt', 'shared.txt']);
    expect(files.map((f) => [f.path, f.sha256])).toEqual([
      ['changed.txt', sha256(Buffer.from('three'))],
      ['f', sha256(Buffer.from('a file where a folder was'))],
      ['k/inner.txt', sha256(Buffer.from('a folder where a file was'))],
      ['new/y.txt', sha256(Buffer.from('y'))],
      ['same.txt', sha256(Buffer.from('same'))],
      ['shared.txt', sha256(Buffer.from('then changed'))],
    ]);
    // The previous release is as it was, and shares the unchanged file (the first build's inode) with the new one.
    expect(await contents(second)).toEqual(secondBefore);
    expect((await stat(path.join(third, 'same.txt'))).ino).toBe(sameBefore.ino);
    expect((await stat(path.join(third, 'same.txt'))).nlink).toBe(2);
    expect((await readdir(releasesFolder(outDir))).sort()).toEqual([path.basename(second), path.basename(third)].sort());
  });

  it('makes a file where the previous release has a folder, and a folder where it has a file', async () => {
    const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'write-')), 'dist');
    const release = (files: Record<string, string>) =>
      writeReleaseAtomically(
        outDir,
        Object.entries(files).map(([p, content]) => ({ path: p, content, mediaType: 'text/plain' })),
      );
    const read = async (p: string) => readFile(path.join(outDir, p), 'utf8');
    await release({ q: 'x', 'r/inner': 'in r' });
    await release({ 'q/inner': 'y', r: 'r is a file' });
    expect([await read('q/inner'), await read('r')]).toEqual(['y', 'r is a file']);
    // The previous release holds the folders q/ and r/ no more; the one before it, recycled now, holds q and r/.
    await release({ q: 'z', 'r/inner': 'in r again' });
    expect([await read('q'), await read('r/inner')]).toEqual(['z', 'in r again']);
    await release({ 'q/inner': 'y2', r: 'a file again' });
    expect([await read('q/inner'), await read('r')]).toEqual(['y2', 'a file again']);
  });

  it('leaves the previous release as it was when a rebuild that linked its files fails', async () => {
    const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'write-')), 'dist');
    await writeReleaseAtomically(outDir, [{ path: 'site/a/index.html', content: 'a', mediaType: 'text/plain' }]);
    await expect(
      writeRelease(outDir, async (output) => {
        await output.add({ path: 'site/a/index.html', content: 'a', mediaType: 'text/plain' });
        await output.digests();
        throw new Error('publisher failed');
      }),
    ).rejects.toThrow('publisher failed');
    expect(await readFile(path.join(outDir, 'site/a/index.html'), 'utf8')).toBe('a');
    expect((await stat(path.join(outDir, 'site/a/index.html'))).nlink).toBe(1);
    expect((await readdir(path.dirname(outDir))).sort()).toEqual(['.dist-releases', 'dist']);
  });
});
