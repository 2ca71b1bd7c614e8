import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { listYamlFiles } from '../../src/load/files.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

/** The same data written file by file in reverse order, so the folder's listing order differs. */
async function reversedCopy(to: string): Promise<void> {
  for (const file of (await listYamlFiles(FICTIONAL_DATA)).reverse()) {
    await cp(path.join(FICTIONAL_DATA, file), path.join(to, file));
  }
}

async function buildIn(dataDir: string, outDir: string, env: Record<string, string>): Promise<void> {
  await run(process.execPath, [path.join(ROOT, 'bin/partnership.js'), 'build', '--data', dataDir, '--out', outDir], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

describe('two builds of the same data', () => {
  let first: Map<string, Buffer>;
  let second: Map<string, Buffer>;
  let firstDir: string;

  beforeAll(async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'reproducible-'));
    await reversedCopy(path.join(tmp, 'data'));
    await buildIn(FICTIONAL_DATA, path.join(tmp, 'a'), { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
    await buildIn(path.join(tmp, 'data'), path.join(tmp, 'b'), { TZ: 'America/St_Johns', LANG: 'C', LC_ALL: 'C' });
    firstDir = path.join(tmp, 'a');
    first = await filesOf(firstDir);
    second = await filesOf(path.join(tmp, 'b'));
  });

  it('are byte-identical, whatever the time zone, locale and file order', () => {
    expect(first.size).toBeGreaterThan(40);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
  });

  it('pass sha256sum -c with their SHA256SUMS', async () => {
    const { stdout } = await run('sha256sum', ['--strict', '-c', 'SHA256SUMS'], { cwd: firstDir });
    expect(stdout.trimEnd().split('\n')).toHaveLength(first.size - 1);
    expect(stdout).not.toMatch(/FAILED/);
  });

  it('take their dates from the data, not the clock', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const [file, bytes] of first) expect(bytes.toString('utf8').includes(today), file).toBe(false);
    expect(first.get('datapackage.json')?.toString('utf8')).toContain('"created": "2030-01-15T00:00:00Z"');
  });
});
