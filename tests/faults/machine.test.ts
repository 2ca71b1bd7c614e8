/**
 * Machine faults and limits (issue 14, items 6, 7 and 10): a bad --base-iri is a
 * usage error; a path that cannot be written, a damaged graph, a query file that is
 * a folder are one line naming the path and the cause, with a documented exit code
 * (4, or 2 for a usage mistake), never "internal error"; `build --out /proc/x` ends;
 * a query has a time limit, updates are refused by name, and CSV cells are guarded.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { formatQueryResult } from '../../src/query/format.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';
import { runCli } from '../helpers/cli.js';

const BIN = fileURLToPath(new URL('../../bin/partnership.js', import.meta.url));

const run = runCli;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'machine-'));
  await cp(FICTIONAL_DATA, path.join(root, 'data'), { recursive: true });
  await build({ dataDir: path.join(root, 'data'), outDir: path.join(root, 'dist') });
});

describe('--base-iri must be an IRI (item 6)', () => {
  it.each([
    ['https://example.org/a b/', 'has a character an IRI may not hold at position 22 (U+0020)'],
    ['https://example.org/a>b/', 'has a character an IRI may not hold at position 22 (U+003E ">")'],
    ['https://example.org/"x"/', 'has a character an IRI may not hold at position 21 (U+0022 """)'],
    ['https://example.org/\u202ex/', 'has a character an IRI may not hold at position 21 (U+202E)'],
  ])('refuses %j with exit 2, writing nothing', async (baseIri, problem) => {
    const result = await run(['build', '--data', 'data', '--out', 'other', '--base-iri', baseIri], root);
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: `partnership build: --base-iri ${baseIri}: ${problem}\n` });
    await expect(stat(path.join(root, 'other'))).rejects.toThrow(/ENOENT/);
  });
});

describe('machine faults are one line with a documented exit code (item 7)', () => {
  it('build --out /proc/x ends at once with exit 4, naming the path', async () => {
    const started = Date.now();
    const result = await run(['build', '--data', 'data', '--out', '/proc/partnership-x'], root);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.exitCode).toBe(4);
    expect(result.stderr).toMatch(/^partnership: cannot create the folder \/proc\/\.partnership-x-releases: .+ \([A-Z]+\)\n$/);
  });

  it('an --out below a file is ENOTDIR, exit 4, one line', async () => {
    await writeFile(path.join(root, 'plain.txt'), 'x');
    const result = await run(['build', '--data', 'data', '--out', 'plain.txt/dist'], root);
    expect(result).toEqual({
      exitCode: 4,
      stdout: '',
      stderr: `partnership: cannot look at plain.txt/dist: a part of the path is not a folder (ENOTDIR)\n`,
    });
  });

  it('a full disk is ENOSPC, exit 4, one line naming the file, leaving nothing behind (tmpfs, as root)', async (context) => {
    const disk = path.join(root, 'tiny');
    await mkdir(disk);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', disk]);
    if (mounted.status !== 0)
      context.skip(`cannot mount a tiny tmpfs here (${String(mounted.stderr).trim() || 'not root'}): the full-disk case is not tested`);
    try {
      const result = await run(['build', '--data', 'data', '--out', 'tiny/dist'], root);
      expect(result.exitCode).toBe(4);
      expect(result.stderr).toMatch(
        /^partnership: cannot (write|open|create the folder) tiny\/\.dist-releases\/\d+-\d+\/\S+: no space left on the device \(ENOSPC\)\n$/,
      );
      expect(await readdir(disk)).toEqual([]);
    } finally {
      // Lazily: a process of the build may still hold the folder a moment; a leftover mount would stop the run's clean-up.
      spawnSync('umount', ['-l', disk]);
    }
  });

  it('a truncated graph for query is exit 4, one line, saying to rebuild', async () => {
    const dist = path.join(root, 'damaged');
    await build({ dataDir: path.join(root, 'data'), outDir: dist });
    const nq = path.join(dist, 'partnership.nq');
    await truncate(nq, Math.floor((await stat(nq)).size / 2) + 7);
    const result = await run(['query', '--dist', 'damaged', 'SELECT * WHERE { ?s ?p ?o } LIMIT 1'], root);
    expect(result.exitCode).toBe(4);
    expect(result.stderr).toMatch(
      /^partnership: damaged\/partnership\.nq is not a whole N-Quads file \(.+\): rebuild the release with `partnership build`\n$/,
    );
  });

  it('query --file <folder> is a usage error naming it', async () => {
    const result = await run(['query', '--file', 'data'], root);
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: `partnership: ${path.join(root, 'data')} is a folder, not a file\n` });
  });
});

describe('query limits (item 10)', () => {
  it('stops a query past --timeout with exit 4 (compiled CLI, on its own thread)', () => {
    const started = Date.now();
    const cross = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';
    const result = spawnSync(process.execPath, [BIN, 'query', '--timeout', '1', cross], { cwd: root, encoding: 'utf8' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 4,
      stderr: 'partnership: the query ran for more than 1 s and was stopped (raise the limit with --timeout)\n',
    });
  }, 30_000);

  it('answers within the limit on the compiled CLI as before', () => {
    const result = spawnSync(
      process.execPath,
      [BIN, 'query', '--format', 'csv', 'SELECT ?n WHERE { <https://example.org/nothing> ?p ?n }'],
      { cwd: root, encoding: 'utf8' },
    );
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: 'n\r\n' });
  }, 30_000);

  it.each([
    'INSERT DATA { <a:x> <a:y> <a:z> }',
    'PREFIX ex: <http://e/>\n# note\nDELETE WHERE { ?s ?p ?o }',
    'LOAD <http://example.org/x>',
    'drop all',
  ])('refuses the update %j by name, exit 2', async (update) => {
    const result = await run(['query', update], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /^partnership query: (INSERT|DELETE|LOAD|DROP) is a SPARQL update; updates are not allowed: `partnership query` only reads the release/,
    );
  });

  it('guards CSV cells a spreadsheet would run as formulas, as the release CSVs do; numbers stay as they are', () => {
    const csv = formatQueryResult(
      {
        kind: 'solutions',
        variables: ['t', 'n'],
        rows: [
          {
            t: { type: 'literal', value: '=HYPERLINK("x")' },
            n: { type: 'literal', value: '-3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' },
          },
          {
            t: { type: 'literal', value: '@SUM(A1)' },
            n: { type: 'literal', value: '+1', datatype: 'http://www.w3.org/2001/XMLSchema#string' },
          },
        ],
      },
      'csv',
      {},
    );
    expect(csv).toBe('t,n\r\n"\'=HYPERLINK(""x"")",-3\r\n\'@SUM(A1),\'+1\r\n');
  });
});
