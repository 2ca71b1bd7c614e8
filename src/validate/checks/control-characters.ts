import { visit } from 'yaml';
import type { Diagnostic } from '../../diagnostics.js';
import { diagnosticAt, FILE_START } from '../../diagnostics.js';
import type { FileCheck } from './context.js';

/**
 * Characters no text of the data may hold: C0 controls other than tab and line
 * feed, DEL and the C1 controls (they land raw in HTML and CSV and make terminals
 * and spreadsheets misbehave), and the bidirectional embeddings, overrides and
 * isolates (they make text display differently from what it holds).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it forbids.
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** What can put one in a value: the character itself, or an escape in a double-quoted scalar. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, and the escape that can write one.
const MAY_HOLD = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\\]/u;

const NAMES: Readonly<Record<number, string>> = {
  0: 'NUL',
  7: 'BEL, the bell',
  8: 'BS, backspace',
  11: 'VT, vertical tab',
  12: 'FF, form feed',
  13: 'CR, carriage return',
  27: 'ESC, escape',
  127: 'DEL',
  8234: 'LRE',
  8235: 'RLE',
  8236: 'PDF',
  8237: 'LRO',
  8238: 'RLO',
  8294: 'LRI',
  8295: 'RLI',
  8296: 'FSI',
  8297: 'PDI',
};

function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind = code >= 0x202a ? 'a bidirectional control' : 'a control character';
  return `${hex} (${NAMES[code] ? `${NAMES[code]}, ` : ''}${kind})`;
}

export const controlCharacters: FileCheck = {
  name: 'control-characters',
  run(file) {
    // Only a file whose text holds such a character or an escape can hold one in a value: most need no walk.
    if (!file.document || !MAY_HOLD.test(file.text)) return [];
    const found: Diagnostic[] = [];
    visit(file.document, {
      // Keys too: a field name is text a reader sees.
      Scalar(_key, node) {
        if (typeof node.value !== 'string') return;
        const match = FORBIDDEN.exec(node.value);
        if (!match) return;
        // Point at the character itself when it is written raw, else at the value holding its escape.
        const [from, to] = node.range ?? [0, 0];
        const raw = file.text.indexOf(match[0], from);
        const at = file.lineCounter.linePos(raw >= from && raw < to ? raw : from);
        const start = node.range ? { line: at.line, column: at.col } : FILE_START;
        found.push(
          diagnosticAt({ file: file.path, start }, 'TEXT_CONTROL_CHARACTER', `the text holds ${describe(match[0])}`, {
            hint: 'remove it: text may hold line breaks and tabs, but no other control characters or bidirectional controls',
          }),
        );
      },
    });
    return found;
  },
};
