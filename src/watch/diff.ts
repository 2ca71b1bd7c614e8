import type { Diagnostic } from '../diagnostics.js';

/** What changed between two validation runs. */
export interface DiagnosticsDiff {
  appeared: Diagnostic[];
  disappeared: Diagnostic[];
}

/** A diagnostic's identity across runs: where, what and why (related notes and hints are prose around it). */
export function diagnosticKey(d: Diagnostic): string {
  return `${d.file}:${d.start.line}:${d.start.column} ${d.severity} ${d.message} ${d.code}`;
}

/** Diagnostics that appeared or disappeared, each in the order of its own run. Pure. */
export function diffDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): DiagnosticsDiff {
  const count = (list: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of list) counts.set(diagnosticKey(d), (counts.get(diagnosticKey(d)) ?? 0) + 1);
    return counts;
  };
  // Multiset difference: the same problem twice on one spot counts twice.
  const take = (list: readonly Diagnostic[], other: Map<string, number>) =>
    list.filter((d) => {
      const key = diagnosticKey(d);
      const left = other.get(key) ?? 0;
      if (left > 0) {
        other.set(key, left - 1);
        return false;
      }
      return true;
    });
  return { appeared: take(after, count(before)), disappeared: take(before, count(after)) };
}

/** `+ file:line:col severity message CODE` for each appeared, `- ...` for each disappeared. */
export function formatDiagnosticsDiff(diff: DiagnosticsDiff): string {
  return [...diff.disappeared.map((d) => `- ${diagnosticKey(d)}\n`), ...diff.appeared.map((d) => `+ ${diagnosticKey(d)}\n`)].join('');
}
