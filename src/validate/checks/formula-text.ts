import { visit } from 'yaml';
import { type Diagnostic, diagnosticAt, FILE_START } from '../../diagnostics.js';
import { FORMULA_TRIGGER } from '../../compile/tabular/csv.js';
import type { FileCheck } from './context.js';

/**
 * Text a spreadsheet would run as a formula when it opens the CSV tables: a value starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return (or an apostrophe, the guard's own character). The
 * release publishes every text exactly as written, so such a value is refused here rather than
 * altered in the tables, where a guard character would become part of the value for every CSVW
 * processor and for the RDF it derives.
 */
export const formulaText: FileCheck = {
  name: 'formula-text',
  run(file) {
    if (!file.document) return [];
    const found: Diagnostic[] = [];
    visit(file.document, {
      Scalar(key, node) {
        // Values only: keys are field names, which the schemas give.
        if (key === 'key' || typeof node.value !== 'string' || !FORMULA_TRIGGER.test(node.value)) return;
        const at = node.range ? file.lineCounter.linePos(node.range[0]) : undefined;
        const start = at ? { line: at.line, column: at.col } : FILE_START;
        found.push(
          diagnosticAt(
            { file: file.path, start },
            'TEXT_FORMULA_START',
            `the text starts with ${JSON.stringify(node.value[0])}, which a spreadsheet would run as a formula`,
            {
              hint: 'begin it otherwise (with a word, or the sign written out): the CSV tables publish text exactly as written',
            },
          ),
        );
      },
    });
    return found;
  },
};
