import { describe, expect, it } from 'vitest';
import { countBySeverity, type Diagnostic, EXIT, exitCodeFor, hasErrors, sortDiagnostics } from '../../src/diagnostics.js';

function d(
  file: string,
  line: number,
  column: number,
  code: Diagnostic['code'],
  severity: Diagnostic['severity'] = 'error',
  message = 'm',
): Diagnostic {
  return { code, severity, message, file, start: { line, column } };
}

describe('sortDiagnostics', () => {
  it('orders by file, line, column, code, then message, never by discovery order', () => {
    const sorted = [
      d('b.yaml', 1, 1, 'SCHEMA_TYPE'),
      d('a.yaml', 10, 1, 'SCHEMA_TYPE'),
      d('a.yaml', 2, 5, 'SCHEMA_TYPE'),
      d('a.yaml', 2, 5, 'REF_UNKNOWN', 'error', 'z'),
      d('a.yaml', 2, 5, 'REF_UNKNOWN', 'error', 'a'),
      d('a.yaml', 2, 3, 'YAML_TAB'),
    ];
    const expected = [
      'a.yaml 2:3 YAML_TAB m',
      'a.yaml 2:5 REF_UNKNOWN a',
      'a.yaml 2:5 REF_UNKNOWN z',
      'a.yaml 2:5 SCHEMA_TYPE m',
      'a.yaml 10:1 SCHEMA_TYPE m',
      'b.yaml 1:1 SCHEMA_TYPE m',
    ];
    const show = (list: Diagnostic[]) => list.map((x) => `${x.file} ${x.start.line}:${x.start.column} ${x.code} ${x.message}`);
    expect(show(sortDiagnostics(sorted))).toEqual(expected);
    expect(show(sortDiagnostics([...sorted].reverse()))).toEqual(expected);
  });

  it('compares files by code unit, not locale (upper case before lower)', () => {
    expect(sortDiagnostics([d('a.yaml', 1, 1, 'YAML_TAB'), d('B.yaml', 1, 1, 'YAML_TAB')]).map((x) => x.file)).toEqual([
      'B.yaml',
      'a.yaml',
    ]);
  });

  it('does not change its input', () => {
    const input = [d('b.yaml', 1, 1, 'YAML_TAB'), d('a.yaml', 1, 1, 'YAML_TAB')];
    sortDiagnostics(input);
    expect(input.map((x) => x.file)).toEqual(['b.yaml', 'a.yaml']);
  });
});

describe('exitCodeFor', () => {
  const warning = d('a.yaml', 1, 1, 'FILE_BOM', 'warning');
  const error = d('a.yaml', 1, 1, 'YAML_TAB');

  it('is 0 with nothing, or only warnings', () => {
    expect(exitCodeFor([])).toBe(EXIT.ok);
    expect(exitCodeFor([warning])).toBe(0);
    expect(exitCodeFor([], true)).toBe(0);
  });

  it('is 1 with an error, and with a warning when strict', () => {
    expect(exitCodeFor([warning, error])).toBe(EXIT.invalid);
    expect(exitCodeFor([warning], true)).toBe(1);
    expect(hasErrors([warning])).toBe(false);
  });

  it('keeps the documented codes', () => {
    expect(EXIT).toEqual({ ok: 0, invalid: 1, usage: 2, internal: 3, environment: 4 });
  });

  it('counts by severity', () => {
    expect(countBySeverity([warning, error, error])).toEqual({ errors: 2, warnings: 1 });
  });
});
