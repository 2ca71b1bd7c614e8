import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FICTIONAL_DATA, REAL_DATA } from '../helpers/fixture.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), cwd: process.cwd() }, out, err };
}

describe('partnership fmt --check', () => {
  it.each([REAL_DATA, FICTIONAL_DATA])('passes on the shipped data in %s', async (dir) => {
    const { io, out, err } = capture();
    expect(await main(['node', 'partnership', 'fmt', '--check', '--data', dir], io)).toBe(0);
    expect(out.join('')).toBe('');
    expect(err.join('')).toBe('');
  });

  it('lists a file out of layout and exits 1 without touching it; fmt then rewrites it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fmt-'));
    try {
      await cp(FICTIONAL_DATA, dir, { recursive: true });
      const file = path.join(dir, 'countries/xa.yaml');
      const messy = [
        '# yaml-language-server: $schema=../../../../../schemas/country.schema.json',
        "officialName: 'Republic of Arcadia'",
        'sources: [source/arcadia-gazette-2030-01-10]',
        'name: Arcadia',
        'id: "country/xa"',
        '',
      ].join('\n');
      await writeFile(file, messy);
      const check = capture();
      check.io.cwd = dir;
      expect(await main(['node', 'partnership', 'fmt', '--check', '--data', '.'], check.io)).toBe(1);
      expect(check.out.join('')).toBe('countries/xa.yaml\n');
      expect(await readFile(file, 'utf8')).toBe(messy);
      const write = capture();
      write.io.cwd = dir;
      expect(await main(['node', 'partnership', 'fmt', '--data', '.'], write.io)).toBe(0);
      expect(write.out.join('')).toBe('formatted countries/xa.yaml\n');
      expect(await readFile(file, 'utf8')).toBe(await readFile(path.join(FICTIONAL_DATA, 'countries/xa.yaml'), 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
