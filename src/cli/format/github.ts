import type { Diagnostic } from '../../diagnostics.js';

// Workflow command escaping, as the GitHub Actions toolkit does it.
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=...,line=...,col=...::message` lines: GitHub shows them inline on the pull request. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = [`file=${escapeProperty(d.file)}`, `line=${d.start.line}`, `col=${d.start.column}`];
      if (d.end) properties.push(`endLine=${d.end.line}`, `endColumn=${d.end.column}`);
      properties.push(`title=${escapeProperty(d.code)}`);
      const message = d.hint ? `${d.message} (${d.hint})` : d.message;
      return `::${d.severity} ${properties.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}
