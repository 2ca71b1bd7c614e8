import { cp, mkdtemp, readFile, rename, rm, writeFile as writeFileRaw } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { validateDataDir } from '../../src/validate/index.js';
import { diffDiagnostics, formatDiagnosticsDiff } from '../../src/watch/diff.js';
import { watchValidate } from '../../src/watch/watch.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

const at = (file: string, line: number, code: Diagnostic['code'], message = 'm'): Diagnostic => ({
  code,
  severity: 'error',
  message,
  file,
  start: { line, column: 3 },
});

describe('diffDiagnostics', () => {
  it('keeps only what appeared or disappeared, as a multiset', () => {
    const kept = at('a.yaml', 1, 'REF_UNKNOWN');
    const gone = at('a.yaml', 2, 'SCHEMA_TYPE');
    const twice = at('b.yaml', 4, 'YAML_SYNTAX');
    const diff = diffDiagnostics([kept, gone, twice], [kept, twice, twice, at('c.yaml', 9, 'DATE_ORDER', 'end before start')]);
    expect(diff).toEqual({ appeared: [twice, at('c.yaml', 9, 'DATE_ORDER', 'end before start')], disappeared: [gone] });
    expect(formatDiagnosticsDiff(diff)).toBe(
      '- a.yaml:2:3 error m SCHEMA_TYPE\n+ b.yaml:4:3 error m YAML_SYNTAX\n+ c.yaml:9:3 error end before start DATE_ORDER\n',
    );
  });

  it('reports nothing for the same diagnostics in another order', () => {
    const a = at('a.yaml', 1, 'REF_UNKNOWN');
    const b = at('b.yaml', 1, 'REF_UNKNOWN');
    expect(diffDiagnostics([a, b], [b, a])).toEqual({ appeared: [], disappeared: [] });
  });
});

describe('validate --watch', () => {
  it('prints a problem when a change makes it and its removal when the change is undone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'watch-'));
    const controller = new AbortController();
    try {
      await cp(FICTIONAL_DATA, dir, { recursive: true });
      const output: string[] = [];
      const runs: Array<(d: Diagnostic[]) => void> = [];
      const nextRun = () => new Promise<Diagnostic[]>((resolve) => runs.push(resolve));
      let run = nextRun();
      const watching = watchValidate({
        dataDir: dir,
        debounceMs: 20,
        validate: async () => (await validateDataDir({ dataDir: dir })).diagnostics,
        write: (t) => void output.push(t),
        signal: controller.signal,
        onRun: (d) => runs.shift()?.(d),
      });
      expect(await run).toEqual([]);
      expect(output).toEqual([]);

      const file = path.join(dir, 'countries/xa.yaml');
      const original = await readFile(file, 'utf8');
      // Replace the file in one step, as editors do, so no run sees it half written.
      const writeFile = async (target: string, text: string) => {
        const temporary = path.join(path.dirname(target), '.edit.tmp');
        await writeFileRaw(temporary, text);
        await rename(temporary, target);
      };
      run = nextRun();
      await writeFile(file, original.replace('source/arcadia-gazette-2030-01-10', 'source/nowhere'));
      await run;
      expect(output.join('')).toBe('+ countries/xa.yaml:6:5 error no source has the id "source/nowhere" REF_UNKNOWN\n');

      run = nextRun();
      await writeFile(file, original);
      await run;
      expect(output.slice(1).join('')).toBe('- countries/xa.yaml:6:5 error no source has the id "source/nowhere" REF_UNKNOWN\n');
      controller.abort();
      await watching;
    } finally {
      controller.abort();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
