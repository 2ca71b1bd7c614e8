import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { MAX_FILE_BYTES } from '../../src/load/decode.js';
import { parseDataFile } from '../../src/load/parse.js';

/**
 * Golden cases: each folder under tests/fixtures/validate/ holds a small data/ folder with one
 * deliberate problem and expected.json with what the CLI must report: the exit code, and per
 * diagnostic its code, severity, file and positions (never the prose, which may be reworded).
 * `UPDATE=1 npx vitest run tests/validate/golden.test.ts` rewrites expected.json from the
 * current output; review each rewritten file by hand before committing it.
 */
const CASES_DIR = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));
const UPDATE = process.env.UPDATE === '1';

interface ExpectedRelated {
  file: string;
  line: number;
  column: number;
}

interface ExpectedDiagnostic {
  code: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The name a "did you mean" hint proposes, when there is one. */
  didYouMean?: string;
  related?: ExpectedRelated[];
}

interface Expected {
  exitCode: number;
  diagnostics: ExpectedDiagnostic[];
}

/** The comparable part of a diagnostic: codes and positions. */
function summarise(d: Diagnostic): ExpectedDiagnostic {
  const out: ExpectedDiagnostic = { code: d.code, severity: d.severity, file: d.file, line: d.start.line, column: d.start.column };
  if (d.end) Object.assign(out, { endLine: d.end.line, endColumn: d.end.column });
  const suggestion = /did you mean "([^"]*)"\?/.exec(d.hint ?? '')?.[1];
  if (suggestion !== undefined) out.didYouMean = suggestion;
  if (d.related) out.related = d.related.map((r) => ({ file: r.file, line: r.start.line, column: r.start.column }));
  return out;
}

/** Run `partnership validate --format json` in-process, from inside the case's data folder. */
async function runValidateJson(
  dataDir: string,
  extra: string[] = [],
): Promise<{ exitCode: number; diagnostics: Diagnostic[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'partnership', 'validate', '--data', '.', '--format', 'json', ...extra], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dataDir,
  });
  const parsed = JSON.parse(stdout) as { diagnostics: Diagnostic[] };
  return { exitCode, diagnostics: parsed.diagnostics, stderr };
}

const cases = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('golden validation cases', () => {
  it('has the cases the validator must cover', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of cases) {
    it(name, async () => {
      const caseDir = path.join(CASES_DIR, name);
      const result = await runValidateJson(path.join(caseDir, 'data'));
      expect(result.stderr).toBe('');
      const actual: Expected = { exitCode: result.exitCode, diagnostics: result.diagnostics.map(summarise) };
      const expectedFile = path.join(caseDir, 'expected.json');
      if (UPDATE || !existsSync(expectedFile)) {
        if (!UPDATE) throw new Error(`${name}: no expected.json (run with UPDATE=1, then review it)`);
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
      expect(actual).toEqual(expected);
    });
  }
});

/** Files (relative paths) below a folder, recursively. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('each case is the valid case with one file changed, added or removed', () => {
  const base = path.join(CASES_DIR, 'valid', 'data');
  const baseFiles = filesBelow(base);
  for (const name of cases.filter((c) => c !== 'valid')) {
    it(name, () => {
      const dir = path.join(CASES_DIR, name, 'data');
      const files = filesBelow(dir);
      const changed = [...new Set([...baseFiles, ...files])].filter(
        (f) => !files.includes(f) || !baseFiles.includes(f) || !readFileSync(path.join(dir, f)).equals(readFileSync(path.join(base, f))),
      );
      // Cases about paragraphs add the one section file; paragraph-valid proves that file alone is clean.
      expect(changed).toHaveLength(1);
    });
  }
});

describe('cases built at run time', () => {
  it('a file over the size limit is refused before parsing, at the file start', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'too-large-'));
    await cp(path.join(CASES_DIR, 'valid', 'data'), dir, { recursive: true });
    // Not committed as a fixture: a megabyte of YAML would bloat the repository.
    const line = '# padding padding padding padding padding padding padding padding\n';
    await writeFile(
      path.join(dir, 'countries', 'xc.yaml'),
      `id: country/xc\nname: Caldera\n${line.repeat(Math.ceil(MAX_FILE_BYTES / line.length))}`,
    );
    const result = await runValidateJson(dir);
    expect({ exitCode: result.exitCode, diagnostics: result.diagnostics.map(summarise) }).toEqual({
      exitCode: 1,
      diagnostics: [{ code: 'FILE_TOO_LARGE', severity: 'error', file: 'countries/xc.yaml', line: 1, column: 1 }],
    });
  });
});

describe('YAML 1.1 spellings stay text (the golden cases show they raise nothing)', () => {
  it('reads no/on/yes and an unquoted date as the strings written', () => {
    const read = (name: string, file: string) =>
      parseDataFile(file, readFileSync(path.join(CASES_DIR, name, 'data', file))).value as Record<string, unknown>;
    expect(read('yaml11-no-yes-on', 'countries/xc.yaml')).toMatchObject({ name: 'no', officialName: 'on', abbreviation: 'yes' });
    expect(read('yaml11-unquoted-date', 'documents/accord.yaml')).toMatchObject({ date: '2030-01-10' });
  });
});
