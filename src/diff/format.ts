/** The change report as markdown (for a pull request or a changelog) or JSON (for machines). Pure. */
import type { ChangedRecord, FieldChange, RecordRef, ReleaseDiff, VersionSummary } from './compare.js';

export const DIFF_FORMATS = ['markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A value as an inline code span (texts as JSON strings, so line breaks and quotes show). */
function value(v: unknown): string {
  const text = JSON.stringify(v) ?? 'null';
  const fence = text.includes('`') ? '``' : '`';
  const pad = fence.length > 1 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const code = (text: string) => `\`${text}\``;

function describeChange(change: FieldChange): string {
  if (change.type === 'value') {
    if (change.before === undefined) return `${code(change.field)}: set to ${value(change.after)}`;
    if (change.after === undefined) return `${code(change.field)}: removed (was ${value(change.before)})`;
    return `${code(change.field)}: ${value(change.before)} → ${value(change.after)}`;
  }
  const parts = [
    ...(change.added.length > 0 ? [`added ${change.added.map(value).join(', ')}`] : []),
    ...(change.removed.length > 0 ? [`removed ${change.removed.map(value).join(', ')}`] : []),
    ...(change.reordered ? ['reordered'] : []),
  ];
  return `${code(change.field)}: ${parts.join('; ')}`;
}

/** Labels are one line, short enough for a list, and shown as text (markdown and HTML escaped). */
function label(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  const short = line.length > 80 ? `${line.slice(0, 79)}…` : line;
  return short.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

const item = (r: RecordRef) => `- ${code(r.id)} (${r.kind}): ${label(r.label)}`;

function version(v: VersionSummary): string {
  return v.version ? `${code(v.label)} (version ${v.version})` : code(v.label);
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [`### ${title}`, '', ...lines, ''];
}

function changes(record: ChangedRecord): string[] {
  return record.changes.map((c) => `  - ${describeChange(c)}`);
}

export function formatDiffMarkdown(diff: ReleaseDiff): string {
  const counts = [
    `${diff.added.length} added`,
    `${diff.removed.length} removed`,
    `${diff.renamed.length} renamed`,
    `${diff.changed.length} changed`,
  ].join(', ');
  const none = diff.added.length + diff.removed.length + diff.renamed.length + diff.changed.length === 0;
  return [
    `## Data changes from ${version(diff.old)} to ${version(diff.new)}`,
    '',
    none ? 'No differences.' : `${counts} (of ${diff.new.records} records).`,
    '',
    ...section(`Added (${diff.added.length})`, diff.added.map(item)),
    ...section(`Removed (${diff.removed.length})`, diff.removed.map(item)),
    ...section(
      `Renamed (${diff.renamed.length})`,
      diff.renamed.flatMap((r) => [`- ${code(r.from)} → ${code(r.id)} (${r.kind}): ${label(r.label)}`, ...changes(r)]),
    ),
    ...section(
      `Changed (${diff.changed.length})`,
      diff.changed.flatMap((r) => [item(r), ...changes(r)]),
    ),
  ].join('\n');
}

export function formatDiff(format: DiffFormat, diff: ReleaseDiff): string {
  return format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiffMarkdown(diff);
}
