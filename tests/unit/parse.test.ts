import { describe, expect, it } from 'vitest';
import { parseDataText, tagOffset } from '../../src/load/parse.js';

describe('tagOffset', () => {
  it('finds the tag written before a value, on the same line or the line before', () => {
    expect(tagOffset('name: !foo Caldera', 11)).toBe(6);
    expect(tagOffset('name: !foo\n  Caldera', 13)).toBe(6);
    expect(tagOffset('- !!binary aGk=', 11)).toBe(2);
  });

  it('finds nothing when no tag precedes the value', () => {
    expect(tagOffset('name: Caldera', 6)).toBeUndefined();
    expect(tagOffset('Caldera', 0)).toBeUndefined();
  });
});

describe('parseDataText', () => {
  it('reports one alias per anchor, counting its uses', () => {
    const parsed = parseDataText('x.yaml', 'a: &a [1]\nb: [*a, *a, *a]\nc: *a\n');
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.code, d.start, d.message])).toEqual([
      ['YAML_ALIAS', { line: 2, column: 5 }, 'alias *a is not allowed in data files (used 4 times in this file)'],
    ]);
  });

  it('points a custom tag at the tag itself', () => {
    const parsed = parseDataText('x.yaml', 'id: x\nname: !foo Caldera\n');
    expect(parsed.diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([['YAML_TAG', { line: 2, column: 7 }, { line: 2, column: 19 }]]);
  });
});
