import type { Diagnostic } from '../../diagnostics.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export const FORMATS = { text: formatText, json: formatJson, github: formatGithub } as const;

export type FormatName = keyof typeof FORMATS;

export function formatDiagnostics(format: FormatName, diagnostics: readonly Diagnostic[]): string {
  return FORMATS[format](diagnostics);
}
