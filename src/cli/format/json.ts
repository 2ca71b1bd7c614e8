import type { Diagnostic } from '../../diagnostics.js';
import { countBySeverity } from '../../diagnostics.js';

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify({ diagnostics, summary: countBySeverity(diagnostics) }, null, 2)}\n`;
}
