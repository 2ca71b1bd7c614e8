/**
 * Data files that are links or cannot be read (issue 14, item 5; issue 13, FILE_READ):
 * links inside the data folder are followed; a link that leads outside it, nowhere
 * or round in a loop, and a file or folder that cannot be read, is a FILE_READ
 * error at the path (exit 1). Nothing is dropped silently.
 */
import { chmod, cp, mkdir, mkdtemp, rename, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateDataDir } from '../../src/validate/index.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';
import { runCli } from '../helpers/cli.js';

let root: string;
let data: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'data-links-'));
  data = path.join(root, 'data');
  await cp(FICTIONAL_DATA, data, { recursive: true });
});

const run = (args: string[]) => runCli(args, root);

const flagged = async () =>
  (await validateDataDir({ dataDir: data })).diagnostics.map((d) => `${d.code} ${d.file}:${d.start.line}:${d.start.column} ${d.message}`);

describe('symbolic links in the data folder (item 5)', () => {
  it('follows links to files and folders inside the data folder: the release has every record', async () => {
    const plain = await validateDataDir({ dataDir: data });
    await mkdir(path.join(data, '.store'));
    await rename(path.join(data, 'countries'), path.join(data, '.store', 'countries'));
    await symlink('.store/countries', path.join(data, 'countries'));
    await rename(path.join(data, 'events'), path.join(data, '.store', 'events'));
    await mkdir(path.join(data, 'events'));
    for (const name of await (await import('node:fs/promises')).readdir(path.join(data, '.store', 'events'))) {
      await symlink(path.join('..', '.store', 'events', name), path.join(data, 'events', name));
    }
    const linked = await validateDataDir({ dataDir: data });
    expect(linked.diagnostics).toEqual([]);
    const ids = (v: typeof plain) => v.catalog.records.map((r) => r.id).sort();
    expect(ids(linked)).toEqual(ids(plain));
    expect(ids(linked)).toContain('country/xa');
    expect(ids(linked).length).toBeGreaterThan(20);
  });

  it('reports a link that leads outside the data folder, nowhere, or round in a loop, each at its path', async () => {
    await writeFile(path.join(root, 'outside.yaml'), 'id: country/xo\nname: Outside\n');
    await symlink('../../outside.yaml', path.join(data, 'countries', 'xo.yaml'));
    await symlink('missing.yaml', path.join(data, 'countries', 'xm.yaml'));
    await symlink('..', path.join(data, 'countries', 'up'));
    await symlink('self', path.join(data, 'countries', 'self'));
    expect(await flagged()).toEqual([
      'FILE_READ countries/self:1:1 the symbolic link loops back on itself',
      'FILE_READ countries/up:1:1 the symbolic link leads back to a folder that holds it (a loop)',
      'FILE_READ countries/xm.yaml:1:1 the symbolic link leads nowhere (to missing.yaml)',
      `FILE_READ countries/xo.yaml:1:1 the symbolic link leads outside the data folder (to ${path.join(root, 'outside.yaml')})`,
    ]);
    const result = await run(['build', '--data', 'data', '--format', 'json']);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout || '{}')).toBeDefined();
  });
});

describe('a file that cannot be read (FILE_READ)', () => {
  it('is a positioned FILE_READ error, exit 1, and the other files are still checked', async (context) => {
    if (process.getuid?.() === 0) context.skip('running as root, which reads any file whatever its mode: no unreadable file can be made');
    const file = path.join(data, 'countries', 'xa.yaml');
    await chmod(file, 0o000);
    try {
      expect(await flagged()).toEqual(['FILE_READ countries/xa.yaml:1:1 the file cannot be read: permission denied (EACCES)']);
      expect((await run(['validate', '--data', 'data'])).exitCode).toBe(1);
    } finally {
      await chmod(file, 0o644);
    }
  });
});
