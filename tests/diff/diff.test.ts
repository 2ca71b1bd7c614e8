import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { main } from '../../src/cli/main.js';
import { diffVersions, type Version } from '../../src/diff/compare.js';
import { readSchemaSet } from '../../src/schema/read.js';
import type { SchemaSet } from '../../src/schema/model.js';

const run = promisify(execFile);
const FIXTURE = fileURLToPath(new URL('../fixtures/diff/', import.meta.url));

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'partnership', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** Compare with a golden file; UPDATE=1 rewrites it. */
async function golden(name: string, actual: string): Promise<void> {
  const file = path.join(FIXTURE, name);
  if (process.env.UPDATE === '1') await writeFile(file, actual);
  expect(actual).toBe(await readFile(file, 'utf8'));
}

describe('partnership diff on the crafted before/after fixture', () => {
  it('writes the markdown report and exits 0', async () => {
    const result = await cli(['diff', 'before', 'after'], FIXTURE);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    await golden('expected.md', result.stdout);
  });

  it('writes the JSON report', async () => {
    const result = await cli(['diff', 'before', 'after', '--format', 'json'], FIXTURE);
    expect(result.code).toBe(0);
    await golden('expected.json', result.stdout);
    const report = JSON.parse(result.stdout);
    expect(report.renamed).toEqual([
      { id: 'org/xb-port-authority', kind: 'organisation', label: 'Harbour Board of Borealis', from: 'org/xb-harbour-board', changes: [] },
    ]);
    const GAZETTE = 'source/arcadia-gazette-2030-01-10';
    expect(report.changed.find((c: { id: string }) => c.id === 'agreement/ports-mou').changes).toEqual([
      {
        field: 'status',
        type: 'list',
        added: [{ value: 'signed', statedAs: 'the MOU on Ports, signed', sources: [GAZETTE] }],
        removed: [{ value: 'planned', statedAs: 'a MOU on Ports is planned', sources: [GAZETTE] }],
        reordered: false,
      },
      {
        field: 'dateSigned',
        type: 'list',
        added: [{ value: '2030-01-10', statedAs: 'the MOU on Ports, signed 2030-01-10', sources: [GAZETTE] }],
        removed: [],
        reordered: false,
      },
      // The renamed party's claim follows the rename: only the new party's claim is added.
      {
        field: 'parties',
        type: 'list',
        added: [{ value: 'country/xb', statedAs: 'between the two parties', sources: [GAZETTE] }],
        removed: [],
        reordered: false,
      },
    ]);
  });

  it('reports no differences between a version and itself', async () => {
    const result = await cli(['diff', 'before', 'before'], FIXTURE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No differences.');
  });

  it('reads a built release folder like its data folder', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'diff-release-'));
    await build({ dataDir: path.join(FIXTURE, 'before'), outDir: path.join(tmp, 'before') });
    await cp(path.join(FIXTURE, 'after'), path.join(tmp, 'after'), { recursive: true });
    const fromRelease = await cli(['diff', 'before', 'after', '--format', 'json'], tmp);
    const fromData = await cli(['diff', 'before', 'after', '--format', 'json'], FIXTURE);
    expect(fromRelease.stdout).toBe(fromData.stdout);
  });

  it('exits 1 with the diagnostics when a version is invalid, 2 when it names nothing', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'diff-invalid-'));
    await cp(path.join(FIXTURE, 'after'), path.join(tmp, 'broken'), { recursive: true });
    await rm(path.join(tmp, 'broken', 'sources'), { recursive: true });
    const invalid = await cli(['diff', path.join(FIXTURE, 'before'), 'broken'], tmp);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('REF_UNKNOWN');
    const unknown = await cli(['diff', 'no-such-folder', 'broken'], tmp);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no-such-folder/);
  });
});

describe('partnership diff between git refs', () => {
  let repo: string;
  const git = (...args: string[]) => run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repo });

  beforeAll(async () => {
    repo = await mkdtemp(path.join(os.tmpdir(), 'diff-git-'));
    await git('init', '-q', '-b', 'main');
    await cp(path.join(FIXTURE, 'before'), path.join(repo, 'records'), { recursive: true });
    await git('add', '.');
    await git('commit', '-q', '-m', 'before');
    await git('tag', 'v1.2.3');
    await rm(path.join(repo, 'records'), { recursive: true });
    await cp(path.join(FIXTURE, 'after'), path.join(repo, 'records'), { recursive: true });
    await git('add', '-A');
    await git('commit', '-q', '-m', 'after');
    // The work tree may differ from both refs: the diff reads only what is committed.
    await rm(path.join(repo, 'records', 'dataset.yaml'));
  });

  it('reads the data folder as committed at each ref', async () => {
    const fromGit = await cli(['diff', 'v1.2.3', 'HEAD', '--data-path', 'records', '--format', 'json'], path.join(repo, 'records'));
    expect(fromGit.stderr).toBe('');
    const fromFolders = await cli(['diff', 'before', 'after', '--format', 'json'], FIXTURE);
    const withoutLabels = (text: string) => {
      const report = JSON.parse(text);
      delete report.old.label;
      delete report.new.label;
      return report;
    };
    expect(withoutLabels(fromGit.stdout)).toEqual(withoutLabels(fromFolders.stdout));
    expect(JSON.parse(fromGit.stdout).old.label).toBe('v1.2.3');
  });

  it('exits 2 for a ref that does not exist', async () => {
    const result = await cli(['diff', 'no-such-ref', 'HEAD', '--data-path', 'records'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-ref is neither a folder nor a git ref');
  });
});

describe('diffVersions', () => {
  let schemas: SchemaSet;
  beforeAll(async () => {
    schemas = await readSchemaSet();
  });
  const org = (id: string, name: string, kind = 'ministry') => ({
    id,
    kind: 'organisation',
    fields: { id, name, kind, sources: ['source/s'] },
  });
  const version = (...records: Version['records']): Version => ({ label: 'v', records });

  it('does not take two different records of one kind for a rename', () => {
    const diff = diffVersions(version(org('org/a', 'Alpha')), version(org('org/b', 'Beta')), schemas);
    expect(diff.renamed).toEqual([]);
    expect(diff.added.map((r) => r.id)).toEqual(['org/b']);
    expect(diff.removed.map((r) => r.id)).toEqual(['org/a']);
  });

  it('takes a new id with the same label and a changed field for a rename, and reports the change', () => {
    const diff = diffVersions(version(org('org/a', 'Alpha')), version(org('org/alpha', 'Alpha', 'agency')), schemas);
    expect(diff.renamed).toEqual([
      {
        id: 'org/alpha',
        kind: 'organisation',
        label: 'Alpha',
        from: 'org/a',
        changes: [{ field: 'kind', type: 'value', before: 'ministry', after: 'agency' }],
      },
    ]);
  });

  it('reports lists as items added and removed, and order changes', () => {
    const before = {
      id: 'country/xa',
      kind: 'country',
      fields: { id: 'country/xa', name: 'A', sources: ['source/1', 'source/2', 'source/3'] },
    };
    const after = { ...before, fields: { ...before.fields, sources: ['source/3', 'source/1', 'source/4'] } };
    expect(diffVersions(version(before), version(after), schemas).changed[0]?.changes).toEqual([
      { field: 'sources', type: 'list', added: ['source/4'], removed: ['source/2'], reordered: true },
    ]);
  });
});
