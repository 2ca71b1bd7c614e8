import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

const CASES = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured streams; `io` overrides are the test seam. */
async function run(args: string[], cwd = CASES, io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'partnership', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    ...io,
  });
  return { exitCode, stdout, stderr };
}

describe('exit codes', () => {
  it('0 when the data is valid', async () => {
    expect(await run(['validate', '--data', 'valid/data'])).toEqual({ exitCode: 0, stdout: 'No problems found.\n', stderr: '' });
  });

  it('1 when the data is invalid', async () => {
    expect((await run(['validate', '--data', 'ref-unknown/data'])).exitCode).toBe(1);
  });

  it('0 for warnings only, 1 for the same warnings with --strict', async () => {
    const lenient = await run(['validate', '--data', 'bom/data', '--format', 'json']);
    expect(lenient.exitCode).toBe(0);
    expect(JSON.parse(lenient.stdout)).toMatchObject({
      diagnostics: [{ code: 'FILE_BOM', severity: 'warning' }],
      summary: { errors: 0, warnings: 1 },
    });
    expect((await run(['validate', '--data', 'bom/data', '--strict'])).exitCode).toBe(1);
  });

  it('2 for an unknown option, naming it', async () => {
    const result = await run(['validate', '--data', 'valid/data', '--nope']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown option '--nope'");
  });

  it('2 for a format that does not exist', async () => {
    expect((await run(['validate', '--data', 'valid/data', '--format', 'xml'])).exitCode).toBe(2);
  });

  it('2 when the --data folder does not exist or is a file', async () => {
    expect(await run(['validate', '--data', 'no-such-case/data'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'partnership validate: --data no-such-case/data: no such folder\n',
    });
    expect(await run(['build', '--data', 'valid/expected.json'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'partnership build: --data valid/expected.json: not a folder\n',
    });
  });

  it('2 when the --schemas folder does not exist', async () => {
    expect(await run(['validate', '--data', 'valid/data', '--schemas', 'no-such-schemas'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'partnership validate: --schemas no-such-schemas: no such folder\n',
    });
  });

  it('3 for an internal fault, with the stack for the bug report', async () => {
    // The seam: an output stream that fails, as a broken pipe would. No code is broken for the test.
    const result = await run(['validate', '--data', 'valid/data', '--format', 'json'], CASES, {
      stdout: () => {
        throw new Error('injected fault');
      },
    });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(/^partnership: internal error \(please report it\):\nError: injected fault\n {4}at /);
  });
});

describe('report formats, exactly, for one unknown reference', () => {
  const args = ['validate', '--data', 'ref-unknown/data', '--format'];

  it('text: a heading per file, line:col severity message code, the hint; on stderr', async () => {
    expect(await run([...args, 'text'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: [
        'ref-unknown/data/partnerships/arcadia-borealis.yaml',
        '  5:5  error  no country has the id "country/xbb"  REF_UNKNOWN',
        '      hint: did you mean "country/xb"?',
        '',
        '1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    });
  });

  it('json: every diagnostic field plus a summary; on stdout', async () => {
    const result = await run([...args, 'json']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      diagnostics: [
        {
          code: 'REF_UNKNOWN',
          severity: 'error',
          message: 'no country has the id "country/xbb"',
          file: 'ref-unknown/data/partnerships/arcadia-borealis.yaml',
          start: { line: 5, column: 5 },
          end: { line: 5, column: 16 },
          pointer: '/parties/1',
          hint: 'did you mean "country/xb"?',
        },
      ],
      summary: { errors: 1, warnings: 0 },
    });
    expect(result.stdout.endsWith('}\n')).toBe(true);
  });

  it('github: one workflow command per diagnostic; on stdout', async () => {
    expect(await run([...args, 'github'])).toEqual({
      exitCode: 1,
      stdout:
        '::error file=ref-unknown/data/partnerships/arcadia-borealis.yaml,line=5,col=5,endLine=5,endColumn=16,title=REF_UNKNOWN::' +
        'no country has the id "country/xbb" (did you mean "country/xb"?)\n',
      stderr: '',
    });
  });
});

// That a failed build leaves an existing release untouched is proven in tests/release/atomic.test.ts;
// here only what the CLI adds: the exit code, the message, and that --strict gates the build too.
describe('build through the CLI', () => {
  it('writes nothing and exits 1 when the data is invalid', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'cli-build-'));
    const result = await run(['build', '--data', path.join(CASES, 'ref-unknown', 'data'), '--out', 'dist', '--format', 'json'], root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Build stopped: the data is invalid; dist was left as it was.\n');
    expect(await readdir(root)).toEqual([]);
  });

  it('writes nothing and exits 1 for warnings with --strict', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'cli-build-'));
    const result = await run(['build', '--data', path.join(CASES, 'bom', 'data'), '--out', 'dist', '--strict'], root);
    expect(result.exitCode).toBe(1);
    expect(await readdir(root)).toEqual([]);
  });

  it.each([
    ['https://example.org/x', 'must end with "/" (entity IRIs are the base plus the id: try https://example.org/x/)'],
    ['example.org/', 'is not an absolute IRI'],
    ['ftp://example.org/', 'must start with http:// or https://'],
    ['https://example.org/?v=1/', 'must not have a query or fragment'],
  ])('exits 2 and writes nothing for --base-iri %s', async (baseIri, problem) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'cli-build-'));
    const result = await run(['build', '--data', path.join(CASES, 'valid', 'data'), '--out', 'dist', '--base-iri', baseIri], root);
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: `partnership build: --base-iri ${baseIri}: ${problem}\n` });
    expect(await readdir(root)).toEqual([]);
  });
});
