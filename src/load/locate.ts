import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import type { Position } from '../diagnostics.js';

export interface Located {
  /** The node at the pointer, or the deepest existing ancestor. */
  node: Node;
  /** The key of the pair holding the node, when the node is a mapping value. */
  key?: Node;
  /** True when the whole pointer resolved. */
  exact: boolean;
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function pairWithKey(items: Pair[], segment: string): Pair | undefined {
  // The last pair wins, as it does in the parsed value.
  for (let i = items.length - 1; i >= 0; i--) {
    const pair = items[i];
    if (pair && isScalar(pair.key) && String(pair.key.value) === segment) return pair;
  }
  return undefined;
}

/** Walk a JSON Pointer through a YAML document's nodes, keeping the source ranges. */
export function locateNode(root: Node, pointer: string): Located {
  let node: Node = root;
  let key: Node | undefined;
  for (const segment of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = pairWithKey(node.items as Pair[], segment);
      if (!pair || !isPair(pair)) return { node, key, exact: false };
      key = pair.key as Node;
      if (!pair.value) return { node: key, key, exact: false };
      node = pair.value as Node;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (!item) return { node, key, exact: false };
      node = item as Node;
      key = undefined;
    } else {
      return { node, key, exact: false };
    }
  }
  return { node, key, exact: true };
}

export interface Span {
  start: Position;
  end: Position;
}

export function spanOf(node: Node | undefined, lineCounter: LineCounter): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  const start = lineCounter.linePos(range[0]);
  const end = lineCounter.linePos(range[1]);
  return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
}
