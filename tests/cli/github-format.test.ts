import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/cli/format/github.js';
import type { Diagnostic } from '../../src/diagnostics.js';

describe('the github formatter', () => {
  it('writes one workflow command per diagnostic, escaped as GitHub reads them', () => {
    const diagnostics: Diagnostic[] = [
      {
        code: 'REF_UNKNOWN',
        severity: 'error',
        message: 'no source has the id "x"\n100% sure\r',
        file: 'data/odd,name:100%.yaml',
        start: { line: 3, column: 5 },
        end: { line: 4, column: 9 },
        hint: 'check the id',
      },
      {
        code: 'SOURCE_MISSING',
        severity: 'warning',
        message: 'paragraph "a/para/1" cites no source',
        file: 'data/sections/a/01.yaml',
        start: { line: 7, column: 1 },
      },
    ];
    expect(formatGithub(diagnostics).split('\n')).toEqual([
      '::error file=data/odd%2Cname%3A100%25.yaml,line=3,col=5,endLine=4,endColumn=9,title=REF_UNKNOWN::no source has the id "x"%0A100%25 sure%0D (check the id)',
      '::warning file=data/sections/a/01.yaml,line=7,col=1,title=SOURCE_MISSING::paragraph "a/para/1" cites no source',
      '',
    ]);
  });

  it('writes nothing when there is nothing to say', () => {
    expect(formatGithub([])).toBe('');
  });
});
