import { visit } from 'yaml';
import { type Diagnostic, diagnosticAt } from '../../diagnostics.js';
import { isExactNumber } from '../../model/decimal.js';
import type { FileCheck } from './context.js';

/**
 * What can make a number inexact: sixteen or more significant digits, an exponent
 * (1e400 overflows, 1e-400 underflows), or a long hexadecimal or octal integer.
 * Most files have none, and need no walk.
 */
const MAY_BE_INEXACT = /\d[eE][-+]?\d|(?:[0-9a-fA-F][._]?){16}/;

/**
 * A number is published as the JSON number YAML reads it as. One with more
 * digits than that holds (`12345678901234567890` reads as …567000) would be
 * published as another number: it is refused, so the writer quotes it as text
 * or rounds it on purpose.
 */
export const exactNumbers: FileCheck = {
  name: 'exact-numbers',
  run(file) {
    if (!file.document || !MAY_BE_INEXACT.test(file.text)) return [];
    const found: Diagnostic[] = [];
    visit(file.document, {
      Scalar(_key, node) {
        if (typeof node.value !== 'number' || node.source === undefined || isExactNumber(node.source, node.value)) return;
        const at = file.lineCounter.linePos(node.range?.[0] ?? 0);
        found.push(
          diagnosticAt(
            { file: file.path, start: { line: at.line, column: at.col } },
            'NUMBER_INEXACT',
            `${node.source} cannot be held exactly: it would be published as ${String(node.value)}`,
            {
              hint: 'quote it if it is an identifier or code, or write it with at most 15 significant digits',
            },
          ),
        );
      },
    });
    return found;
  },
};
