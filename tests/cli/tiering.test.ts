/**
 * `build` and `validate` turn V8's optimising compiler on only for a data folder large enough for
 * optimised code to pay (src/cli/tiering.ts): the threshold counts the data files, as the build does.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIMISE_FROM_FILES, worthOptimising } from '../../src/cli/tiering.js';
import { FICTIONAL_DATA, REAL_DATA } from '../helpers/fixture.js';

async function folderOf(files: number): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tiering-'));
  await mkdir(path.join(root, 'records'));
  await Promise.all(Array.from({ length: files }, (_, i) => writeFile(path.join(root, 'records', `r${i}.yaml`), `id: r${i}\n`)));
  // Files that are not data do not count.
  await writeFile(path.join(root, 'README.md'), '# not data\n');
  return root;
}

describe('turning the optimising compiler on', () => {
  it('is not worth it for the real data or the fixtures', async () => {
    expect(OPTIMISE_FROM_FILES).toBe(1000);
    expect(await worthOptimising(REAL_DATA)).toBe(false);
    expect(await worthOptimising(FICTIONAL_DATA)).toBe(false);
  });

  it('is worth it from the threshold on, counting only data files', async () => {
    const folder = await folderOf(OPTIMISE_FROM_FILES - 1);
    expect(await worthOptimising(folder)).toBe(false);
    await writeFile(path.join(folder, 'records', 'one-more.yml'), 'id: one-more\n');
    expect(await worthOptimising(folder)).toBe(true);
  });

  it('is not worth it for a folder that cannot be read (the command reports that itself)', async () => {
    expect(await worthOptimising(path.join(os.tmpdir(), 'no-such-folder-for-tiering'))).toBe(false);
  });
});
