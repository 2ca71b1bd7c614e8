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
  it('refuses nesting deeper than it reads, by indentation as by brackets', () => {
    const levels = 300;
    const indented = `${Array.from({ length: levels }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n')} end\n`;
    // At the space past the limit: line 258 holds 257.
    expect(parseDataText('x.yaml', indented).diagnostics.map((d) => [d.code, d.start])).toEqual([
      ['YAML_TOO_DEEP', { line: 258, column: 257 }],
    ]);
    expect(parseDataText('x.yaml', `id: x\nname: ${'['.repeat(300)}\n`).diagnostics.map((d) => [d.code, d.start])).toEqual([
      ['YAML_TOO_DEEP', { line: 2, column: 263 }],
    ]);
    // 256 brackets in all (even unbalanced in quotes) are within the limit and read as they are.
    expect(parseDataText('x.yaml', `a: "${'['.repeat(256)}"\n`).value).toEqual({ a: '['.repeat(256) });
  });

  it('reports keys equal as text once, with where the first stands, in a file without anchors or tags', () => {
    const parsed = parseDataText('x.yaml', 'id: a\n1: one\n"1": again\n');
    expect(parsed.diagnostics.map((d) => [d.code, d.start.line, d.related?.[0]?.start.line])).toEqual([['YAML_DUPLICATE_KEY', 3, 2]]);
    expect(parsed.value).toEqual({ id: 'a', 1: 'again' });
  });

  it('reports one alias per anchor, counting its uses', () => {
    const parsed = parseDataText('x.yaml', 'a: &a [1]\nb: [*a, *a, *a]\nc: *a\n');
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.code, d.start, d.message])).toEqual([
      ['YAML_ALIAS', { line: 2, column: 5 }, 'alias *a is not allowed in data files (used 4 times in this file)'],
    ]);
  });

  it('points a custom tag at the tag itself', () => {
    const parsed = parseDataText('x.yaml', 'id: x\nname: !foo Caldera\n');
    expect(parsed.diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([
      ['YAML_TAG', { line: 2, column: 7 }, { line: 2, column: 19 }],
    ]);
  });

  it('points an unclosed bracket or quote at where it opens, and relates where the parser noticed', () => {
    const at = (text: string) => parseDataText('x.yaml', text).diagnostics.map((d) => [d.code, d.start, d.related?.map((r) => r.start)]);
    const noticed = [{ line: 3, column: 1 }];
    expect(at('id: x\nname: [Caldera\nz: 1\n')).toEqual([['YAML_SYNTAX', { line: 2, column: 7 }, noticed]]);
    expect(at('id: x\nname: {a: b\nz: 1\n')).toEqual([['YAML_SYNTAX', { line: 2, column: 7 }, noticed]]);
    // The outer list is the open one, though its text ends in the inner list's bracket.
    expect(at('id: x\nlist: [a, [b, c]\nz: 1\n')).toEqual([['YAML_SYNTAX', { line: 2, column: 7 }, noticed]]);
    expect(at('id: x\nname: "Caldera\nz: []\n')).toEqual([['YAML_SYNTAX', { line: 2, column: 7 }, [{ line: 4, column: 1 }]]]);
    // The parser complains twice about `[b, [c` (once per bracket level); one report remains.
    expect(at('a: [b, [c\n')).toEqual([['YAML_SYNTAX', { line: 1, column: 8 }, [{ line: 2, column: 1 }]]]);
  });

  it("keeps the parser's position for other syntax errors", () => {
    const diagnostics = parseDataText('x.yaml', 'a: b: c\n').diagnostics;
    expect(diagnostics.map((d) => [d.code, d.start, d.related])).toEqual([['YAML_SYNTAX', { line: 1, column: 4 }, undefined]]);
  });
});
