import { LineCounter, type Node, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { joinPointer, locateNode, pointerSegments, spanOf } from '../../src/load/locate.js';

const TEXT = [
  'id: x/1', //                                 line 1
  'a/b: slash key', //                          line 2
  'list:', //                                   line 3
  '  - first', //                               line 4
  '  - name: second', //                        line 5
  '    tags: [p, q]', //                        line 6
  'empty:', //                                  line 7
  'id: x/2', //                                 line 8: a duplicate key; the last wins
  '',
].join('\n');

function at(pointer: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(TEXT, { lineCounter, uniqueKeys: false });
  const located = locateNode(document.contents as Node, pointer);
  return { exact: located.exact, span: spanOf(located.node, lineCounter), key: spanOf(located.key, lineCounter)?.start };
}

describe('JSON Pointers', () => {
  it('split and unescape ~1 and ~0, in that order', () => {
    expect(pointerSegments('')).toEqual([]);
    expect(pointerSegments('/')).toEqual([]);
    expect(pointerSegments('/a~1b/0/~01')).toEqual(['a/b', '0', '~1']);
  });

  it('join with escaping, the inverse of splitting', () => {
    expect(joinPointer('/list', 1, 'a/b', '~')).toBe('/list/1/a~1b/~0');
    expect(pointerSegments(joinPointer('', 'a/b', '~1'))).toEqual(['a/b', '~1']);
  });
});

describe('pointer to line:column', () => {
  it('finds a mapping value and its key', () => {
    expect(at('/list/1/name')).toEqual({
      exact: true,
      span: { start: { line: 5, column: 11 }, end: { line: 5, column: 17 } },
      key: { line: 5, column: 5 },
    });
  });

  it('finds a list item, block and flow', () => {
    expect(at('/list/0').span?.start).toEqual({ line: 4, column: 5 });
    expect(at('/list/1/tags/1').span).toEqual({ start: { line: 6, column: 15 }, end: { line: 6, column: 16 } });
  });

  it('resolves an escaped segment to a key with a slash', () => {
    expect(at('/a~1b').span?.start).toEqual({ line: 2, column: 6 });
  });

  it('takes the last of duplicate keys, as the parsed value does', () => {
    expect(at('/id').span?.start).toEqual({ line: 8, column: 5 });
  });

  it('gives an empty value (null) a zero-width span just after its key', () => {
    expect(at('/empty')).toEqual({
      exact: true,
      span: { start: { line: 7, column: 7 }, end: { line: 7, column: 7 } },
      key: { line: 7, column: 1 },
    });
  });

  it('stops at the deepest existing ancestor when the path goes on', () => {
    expect(at('/list/1/missing')).toMatchObject({ exact: false, span: { start: { line: 5, column: 5 } } });
    expect(at('/list/9')).toMatchObject({ exact: false, span: { start: { line: 4, column: 3 } } });
    expect(at('/id/deeper')).toMatchObject({ exact: false, span: { start: { line: 8, column: 5 } } });
  });

  it('the empty pointer is the whole document', () => {
    expect(at('')).toMatchObject({ exact: true, span: { start: { line: 1, column: 1 } } });
  });

  it('has no span for no node', () => {
    expect(spanOf(undefined, new LineCounter())).toBeUndefined();
  });
});
