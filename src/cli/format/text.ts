import type { Diagnostic } from '../../diagnostics.js';
import { countBySeverity } from '../../diagnostics.js';

/** A person reads the first problems; thousands (a folder of broken files) would only scroll them away. `--format json` has them all. */
export const MAX_PRINTED_DIAGNOSTICS = 200;

/** eslint-stylish-like: a heading per file, then `line:col  severity  message  CODE`, hints indented below. */
export function formatText(diagnostics: readonly Diagnostic[], limit = MAX_PRINTED_DIAGNOSTICS): string {
  if (diagnostics.length === 0) return 'No problems found.\n';
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const d of diagnostics.slice(0, limit)) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(d.file);
      currentFile = d.file;
    }
    lines.push(`  ${d.start.line}:${d.start.column}  ${d.severity}  ${d.message}  ${d.code}`);
    if (d.hint) lines.push(`      hint: ${d.hint}`);
    for (const related of d.related ?? []) {
      lines.push(`      ${related.file}:${related.start.line}:${related.start.column}: ${related.message}`);
    }
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const total = errors + warnings;
  if (total > limit) lines.push('', `... and ${total - limit} more not shown (the first ${limit} are above; --format json lists them all)`);
  lines.push(
    '',
    `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
  );
  return `${lines.join('\n')}\n`;
}
