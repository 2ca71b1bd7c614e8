/**
 * The release folder under faults (issue 14, items 1 and 3): `--out` never replaces
 * what is not a release, the swap leaves no moment without a release, two builds
 * into one folder do not meet, and what killed builds leave is cleaned.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { EnvironmentFault } from '../../src/faults.js';
import { releasesFolder } from '../../src/build/staging.js';
import { DESCRIBERS, PUBLISHERS } from '../../src/publish/index.js';
import type { Publisher } from '../../src/publish/types.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';
import { runCli, snapshot } from '../helpers/cli.js';

const BIN = fileURLToPath(new URL('../../bin/partnership.js', import.meta.url));

const run = runCli;

/** `sha256sum -c SHA256SUMS` in the folder: every listed file is there with its hash. */
async function checksumsHold(dir: string): Promise<number> {
  const lines = (await readFile(path.join(dir, 'SHA256SUMS'), 'utf8')).trimEnd().split('\n');
  for (const line of lines) {
    const [hash, file] = [line.slice(0, 64), line.slice(66)];
    expect(
      createHash('sha256')
        .update(await readFile(path.join(dir, file)))
        .digest('hex'),
      file,
    ).toBe(hash);
  }
  return lines.length;
}

let project: string;

/** A project folder: its data, a README, and no release yet. */
beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'outsafety-'));
  await cp(FICTIONAL_DATA, path.join(project, 'data'), { recursive: true });
  await writeFile(path.join(project, 'README.md'), 'mine\n');
});

describe('build --out replaces only a release (item 1)', () => {
  it.each([
    ['.', /will not replace --out \.: it is .*, which a release must never replace/],
    ['data', /will not replace --out data: it is .*data, which a release must never replace/],
    ['..', /will not replace --out \.\.: it holds/],
    ['README.md', /will not replace --out README.md: it is a file, not a folder/],
  ])('refuses --out %s with exit 2, touching nothing', async (out, message) => {
    const before = await snapshot(project);
    const result = await run(['build', '--data', 'data', '--out', out], project);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await snapshot(project)).toEqual(before);
    expect((await readdir(project)).sort()).toEqual(['README.md', 'data']);
  });

  it('refuses a folder of something else, naming what it holds', async () => {
    await mkdir(path.join(project, 'notes'));
    await writeFile(path.join(project, 'notes', 'todo.txt'), 'keep me\n');
    const result = await run(['build', '--data', 'data', '--out', 'notes'], project);
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toBe(
      'partnership build: will not replace --out notes: it is a folder that is not a release (it holds todo.txt); choose a new or empty folder\n',
    );
    expect(await readFile(path.join(project, 'notes', 'todo.txt'), 'utf8')).toBe('keep me\n');
  });

  it('refuses in build() too, whoever calls it: the data folder is never the output', async () => {
    await expect(build({ dataDir: path.join(project, 'data'), outDir: project })).rejects.toThrow(/which a release must never replace/);
    expect((await readdir(project)).sort()).toEqual(['README.md', 'data']);
  });

  it('writes into a missing or empty folder, and over its own release', async () => {
    await mkdir(path.join(project, 'empty'));
    expect((await run(['build', '--data', 'data', '--out', 'empty'], project)).exitCode).toBe(0);
    expect((await run(['build', '--data', 'data', '--out', 'empty'], project)).exitCode).toBe(0);
    expect((await run(['build', '--data', 'data', '--out', 'new/dist'], project)).exitCode).toBe(0);
    expect(await checksumsHold(path.join(project, 'new', 'dist'))).toBeGreaterThan(40);
  });

  it('takes over a release written before versions (a plain folder its SHA256SUMS describes)', async () => {
    await build({ dataDir: path.join(project, 'data'), outDir: path.join(project, 'first') });
    await cp(path.join(project, 'first'), path.join(project, 'dist'), { recursive: true, dereference: true });
    const before = await snapshot(path.join(project, 'dist'));
    expect((await lstat(path.join(project, 'dist'))).isDirectory()).toBe(true);
    expect((await run(['build', '--data', 'data'], project)).exitCode).toBe(0);
    expect((await lstat(path.join(project, 'dist'))).isSymbolicLink()).toBe(true);
    expect(await snapshot(path.join(project, 'dist'))).toEqual(before);
    // The old folder became a version of its own, kept (as any replaced version) until the next build.
    const current = path.basename(await readlink(path.join(project, 'dist')));
    const versions = await readdir(releasesFolder(path.join(project, 'dist')));
    expect(versions.filter((v) => v !== current)).toEqual([`0-${process.pid}`]);
  });
});

describe('the swap (item 3)', () => {
  it('makes the release folder a link to a version, replaced in one rename', async () => {
    const outDir = path.join(project, 'dist');
    await build({ dataDir: path.join(project, 'data'), outDir });
    const first = await readlink(outDir);
    expect(first).toMatch(/^\.dist-releases\/\d+-\d+$/);
    await build({ dataDir: path.join(project, 'data'), outDir });
    const second = await readlink(outDir);
    expect(second).not.toBe(first);
    // The replaced version stays until the next build removes it (while that one validates).
    expect(await readdir(releasesFolder(outDir))).toEqual([path.basename(first), path.basename(second)].sort());
    await build({ dataDir: path.join(project, 'data'), outDir });
    const third = await readlink(outDir);
    expect(await readdir(releasesFolder(outDir))).toEqual([path.basename(second), path.basename(third)].sort());
    expect(await checksumsHold(outDir)).toBeGreaterThan(40);
  });

  it('lets one of two builds meeting in one folder write, and the other refuse clearly', async () => {
    const outDir = path.join(project, 'dist');
    const dataDir = path.join(project, 'data');
    await build({ dataDir, outDir });
    // The first build holds the lock until the second has been refused: they meet whatever the timing.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const waiting: Publisher = { name: 'waits for the second build', publish: () => gate.then(() => undefined) };
    const first = build({ dataDir, outDir, publishers: [waiting, ...PUBLISHERS], describers: DESCRIBERS });
    while (!existsSync(path.join(releasesFolder(outDir), 'lock'))) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await build({ dataDir, outDir }).then(
      () => undefined,
      (error: unknown) => error,
    );
    open();
    await first;
    const reason = second as Error;
    expect(reason).toBeInstanceOf(EnvironmentFault);
    expect(reason.message).toBe(
      `${outDir} is being written by another build (process ${process.pid}); run again when it has finished, or remove ${releasesFolder(outDir)}/lock if that process is not a build`,
    );
    expect(await checksumsHold(outDir)).toBeGreaterThan(40);
    expect((await readdir(project)).sort()).toEqual(['.dist-releases', 'README.md', 'data', 'dist']);
  });

  it('reports a lock held by a live process with exit 4, and takes over one whose process is gone', async () => {
    const outDir = path.join(project, 'dist');
    await build({ dataDir: path.join(project, 'data'), outDir });
    const lock = path.join(releasesFolder(outDir), 'lock');
    await writeFile(lock, `${process.ppid}\n`);
    const held = await run(['build', '--data', 'data'], project);
    expect(held).toMatchObject({ exitCode: 4, stdout: '' });
    expect(held.stderr).toBe(
      `partnership: ${outDir} is being written by another build (process ${process.ppid}); run again when it has finished, or remove ${lock} if that process is not a build\n`,
    );
    await writeFile(lock, '2147483646\n');
    expect((await run(['build', '--data', 'data'], project)).exitCode).toBe(0);
  });

  it('removes what killed builds left: versions no link points to, dead locks, old staging folders', async () => {
    const outDir = path.join(project, 'dist');
    await build({ dataDir: path.join(project, 'data'), outDir });
    const releases = releasesFolder(outDir);
    for (const stale of [
      path.join(releases, '1700000000000-2147483646'),
      path.join(project, '.dist-new-2147483646-1'),
      path.join(project, '.dist-old-2147483646-1'),
    ]) {
      await mkdir(stale);
      await writeFile(path.join(stale, 'half.nq'), 'x');
    }
    await writeFile(path.join(releases, 'lock'), '2147483646\n');
    await writeFile(path.join(releases, 'lock-2147483646-1'), '2147483646\n');
    const replaced = await readlink(outDir);
    expect((await run(['build', '--data', 'data'], project)).exitCode).toBe(0);
    expect((await readdir(project)).sort()).toEqual(['.dist-releases', 'README.md', 'data', 'dist']);
    expect(await readdir(releases)).toEqual([path.basename(replaced), path.basename(await readlink(outDir))].sort());
  });

  it('leaves a whole release behind a build killed at any moment, and the next build cleans up', async () => {
    const outDir = path.join(project, 'dist');
    await build({ dataDir: path.join(project, 'data'), outDir });
    for (const afterMs of [150, 350, 600, 900]) {
      const child = spawn(process.execPath, [BIN, 'build', '--data', 'data'], { cwd: project, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, afterMs));
      child.kill('SIGKILL');
      await exited;
      expect(await checksumsHold(outDir), `killed after ${afterMs} ms`).toBeGreaterThan(40);
    }
    const replaced = await readlink(outDir);
    expect((await run(['build', '--data', 'data'], project)).exitCode).toBe(0);
    expect(await readdir(releasesFolder(outDir))).toEqual([path.basename(replaced), path.basename(await readlink(outDir))].sort());
    expect((await readdir(project)).sort()).toEqual(['.dist-releases', 'README.md', 'data', 'dist']);
  }, 30_000);
});
