import { visit } from 'yaml';
import type { Diagnostic } from '../../diagnostics.js';
import { diagnosticAt, FILE_START } from '../../diagnostics.js';
import { spanOf } from '../../load/locate.js';
import { PLACEHOLDER } from '../../scaffold/placeholder.js';
import type { FileCheck } from './context.js';

/**
 * `partnership new` writes TODO where a fact is needed. Many of those places
 * would validate with the word itself (a title is any text), so the word is
 * rejected everywhere: an unfilled scaffold never reaches a release.
 */
export const placeholders: FileCheck = {
  name: 'placeholders',
  run(file) {
    // Only a file whose text holds the word can hold it as a value: most need no walk at all.
    if (!file.document || !file.text.includes(PLACEHOLDER)) return [];
    const found: Diagnostic[] = [];
    visit(file.document, {
      Scalar(_key, node) {
        if (node.value !== PLACEHOLDER) return;
        const span = spanOf(node, file.lineCounter);
        found.push(
          diagnosticAt(
            { file: file.path, start: span?.start ?? FILE_START, end: span?.end },
            'PLACEHOLDER',
            `a ${PLACEHOLDER} placeholder is left in the file`,
            {
              hint: 'replace it with what the sources say (the comment above the field says what belongs there)',
            },
          ),
        );
      },
    });
    return found;
  },
};
