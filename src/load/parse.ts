import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  LineCounter,
  type Node,
  parseAllDocuments,
  type Pair,
  Scalar,
  visit,
  type YAMLError,
} from 'yaml';
import type { Diagnostic, DiagnosticCode, Position } from '../diagnostics.js';
import { diagnosticAt, FILE_START } from '../diagnostics.js';
import { decodeDataFile } from './decode.js';
import { spanOf } from './locate.js';

/** One data file after decoding and parsing: its value plus what was wrong with it. */
export interface ParsedFile {
  /** Path relative to the data folder, forward slashes. */
  path: string;
  text: string;
  lineCounter: LineCounter;
  /** The YAML document, when the text parsed far enough to have one. */
  document?: Document.Parsed;
  /** The plain value; undefined when the file is unusable (syntax error, aliases...). */
  value: unknown;
  diagnostics: Diagnostic[];
}

/** Tags that only restate what the core schema already resolves. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

const YAML_ERROR_CODES: Partial<Record<YAMLError['code'], DiagnosticCode>> = {
  TAB_AS_INDENT: 'YAML_TAB',
  DUPLICATE_KEY: 'YAML_DUPLICATE_KEY',
  MULTIPLE_DOCS: 'YAML_MULTIPLE_DOCUMENTS',
};

function position(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** Errors the parser raises where it notices that a bracket or quote was never closed. */
const UNCLOSED_CODES = new Set<YAMLError['code']>(['BAD_INDENT', 'MISSING_CHAR']);

/**
 * The innermost flow collection or quoted scalar still open at `offset`: the `[`, `{` or
 * quote the author forgot to close, which is what they must fix, not the line after it.
 */
function unclosedOpener(text: string, document: Document.Parsed | undefined, offset: number): Node | undefined {
  let found: Node | undefined;
  if (!document) return undefined;
  const closers: Record<string, string> = { '"': '"', "'": "'" };
  visit(document, {
    Node(_, node) {
      const range = node.range;
      if (!range || range[0] >= offset || range[2] < offset) return;
      const token = node.srcToken;
      if (isCollection(node) && token?.type === 'flow-collection') {
        // The source tokens say whether the closing bracket was read (the text cannot: `[a, [b]` ends in one).
        if (!token.end.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end')) found = node;
      } else if (isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)) {
        const written = text.slice(range[0], range[1]).trimEnd();
        if (written.length < 2 || !written.endsWith(closers[written[0] ?? ''] ?? '')) found = node;
      }
    },
  });
  return found;
}

function fromYamlError(
  file: string,
  error: YAMLError,
  lineCounter: LineCounter,
  located?: { text: string; document: Document.Parsed },
): Diagnostic {
  const severity = error.name === 'YAMLWarning' ? 'warning' : 'error';
  const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  const detected = { start: position(lineCounter, error.pos[0]), end: position(lineCounter, error.pos[1]) };
  const opener = located && UNCLOSED_CODES.has(error.code) ? unclosedOpener(located.text, located.document, error.pos[0]) : undefined;
  const openerStart = opener?.range ? position(lineCounter, opener.range[0]) : undefined;
  // The parser reports running out of stack as a plain error; say what it means.
  if (/Maximum call stack size exceeded/.test(error.message)) {
    return diagnosticAt({ file, start: detected.start }, 'YAML_TOO_DEEP', 'mappings and lists are nested too deeply to read', {
      hint: 'a data file needs only a few levels of nesting',
    });
  }
  const hint =
    error.code === 'TAB_AS_INDENT'
      ? 'indent with spaces, not tabs'
      : openerStart
        ? 'close the bracket or quote that opens here'
        : undefined;
  // An unclosed bracket or quote is reported where it opens, with where the parser noticed it beside.
  const place = openerStart ? { file, start: openerStart } : { file, ...detected };
  const related = openerStart ? [{ file, start: detected.start, message: 'the parser noticed it here' }] : undefined;
  return diagnosticAt(place, YAML_ERROR_CODES[error.code] ?? 'YAML_SYNTAX', message, {
    severity,
    ...(hint ? { hint } : {}),
    ...(related ? { related } : {}),
  });
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/**
 * Where the tag written before a node starts. The node's range begins at its value,
 * after the tag (`name: !foo Caldera`), but the tag is what the author must remove.
 */
export function tagOffset(text: string, valueStart: number): number | undefined {
  let end = valueStart;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1] ?? '')) start--;
  return start < end && text[start] === '!' ? start : undefined;
}

/**
 * Checks the parser leaves to us: keys equal as text (`1` and `"1"` become the same
 * JSON key), aliases (expansion bombs, and hidden sharing in hand-kept data), and
 * tags beyond the core schema's.
 */
function structuralDiagnostics(file: string, text: string, document: Document.Parsed, lineCounter: LineCounter): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const aliases = new Map<string, { diagnostic: Diagnostic; uses: number }>();
  visit(document, {
    Map(_, map) {
      const seen = new Map<string, Node>();
      for (const pair of map.items as Pair[]) {
        const text = keyText(pair.key);
        if (text === undefined) continue;
        const first = seen.get(text);
        if (first) {
          const at = spanOf(pair.key as Node, lineCounter);
          const firstAt = spanOf(first, lineCounter);
          diagnostics.push(
            diagnosticAt(
              { file, start: at?.start ?? FILE_START, end: at?.end },
              'YAML_DUPLICATE_KEY',
              `key "${text}" appears twice in the same mapping`,
              {
                hint: 'keep one of the two entries; keys that differ only in quoting are the same key',
                ...(firstAt ? { related: [{ file, start: firstAt.start, message: 'first defined here' }] } : {}),
              },
            ),
          );
        } else {
          seen.set(text, pair.key as Node);
        }
      }
    },
    Alias(_, alias) {
      // One report per anchor, at its first use: an expansion bomb repeats each alias
      // many times, and a report line per repeat would itself be the bomb.
      const earlier = aliases.get(alias.source);
      if (earlier) {
        earlier.uses++;
        return;
      }
      const at = spanOf(alias, lineCounter);
      const diagnostic = diagnosticAt(
        { file, start: at?.start ?? FILE_START, end: at?.end },
        'YAML_ALIAS',
        `alias *${alias.source} is not allowed in data files`,
        {
          hint: 'write the value out in full; each record states its own values',
        },
      );
      aliases.set(alias.source, { diagnostic, uses: 1 });
      diagnostics.push(diagnostic);
    },
    Node(_, node) {
      if (!isAlias(node) && node.tag && !CORE_TAGS.has(node.tag)) {
        const at = spanOf(node, lineCounter);
        const tagAt = node.range ? tagOffset(text, node.range[0]) : undefined;
        const start = tagAt === undefined ? (at?.start ?? FILE_START) : position(lineCounter, tagAt);
        diagnostics.push(
          diagnosticAt({ file, start, end: at?.end }, 'YAML_TAG', `tag ${node.tag} is not allowed in data files`, {
            hint: 'remove the tag; quote the value if it is text',
          }),
        );
      }
    },
  });
  for (const { diagnostic, uses } of aliases.values()) {
    if (uses > 1) diagnostic.message += ` (used ${uses} times in this file)`;
  }
  return diagnostics;
}

/** Text to a ParsedFile. Pure: never throws for bad input, every problem is a diagnostic. */
/** Deeper than any data file needs, and well within what the parser's recursion can take on any thread's stack. */
const MAX_NESTING = 256;

/**
 * The offset where the text nests deeper than MAX_NESTING, if it does: flow brackets outside quotes
 * and comments, and indentation (a level takes at least one space). The parser recurses per level,
 * so a deeper file is refused before parsing rather than by running out of stack, whose depth
 * differs between the main thread and workers.
 */
function tooDeepAt(text: string): number | undefined {
  if (!mayNestTooDeeply(text)) return undefined;
  let depth = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && c === ' ') {
      if (++indent > MAX_NESTING) return i;
      continue;
    }
    lineStart = false;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\n')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** False when the text cannot nest deeper than MAX_NESTING: too few brackets in all, and no line indented that far. */
function mayNestTooDeeply(text: string): boolean {
  let brackets = 0;
  for (const opener of ['[', '{']) {
    for (let at = text.indexOf(opener); at !== -1 && brackets <= MAX_NESTING; at = text.indexOf(opener, at + 1)) brackets++;
  }
  return brackets > MAX_NESTING || DEEP_INDENT.test(text);
}

const DEEP_INDENT = new RegExp(`(?:^|\n) {${MAX_NESTING + 1}}`);

/**
 * Whether the text may hold what structuralDiagnostics looks for: an anchor, alias or tag needs its
 * `&`, `*` or `!`, and keys equal as text make the parser report DUPLICATE_KEY (see parseDataText).
 * Most files hold none, and walking every node of every file showed in profiles.
 */
function needsStructuralWalk(text: string, document: Document.Parsed): boolean {
  return /[&*!]/.test(text) || document.errors.some((e) => e.code === 'DUPLICATE_KEY');
}

/** Keys equal as text, as structuralDiagnostics compares them. */
const sameKeyText = (a: unknown, b: unknown): boolean => {
  const text = keyText(a);
  return text !== undefined && text === keyText(b);
};

export function parseDataText(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const result: ParsedFile = { path: file, text, lineCounter, value: undefined, diagnostics: [] };
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    lineCounter.addNewLine(0);
    for (let at = text.indexOf('\n'); at !== -1 && at < deep; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
    const start = position(lineCounter, deep);
    result.diagnostics.push(
      diagnosticAt({ file, start }, 'YAML_TOO_DEEP', 'mappings and lists are nested too deeply to read', {
        hint: `a data file needs only a few levels of nesting (at most ${MAX_NESTING})`,
      }),
    );
    return result;
  }
  const parse = (keepSourceTokens: boolean) =>
    parseAllDocuments(text, {
      lineCounter,
      // Only noticed here (the report, with both places, is structuralDiagnostics'), comparing keys as text.
      uniqueKeys: sameKeyText,
      prettyErrors: false,
      strict: true,
      merge: false,
      schema: 'core',
      customTags: [],
      keepSourceTokens,
    });
  let documents = parse(false);
  // The source tokens tell an unclosed bracket from a closed one. Only a file with such an error
  // needs them, and keeping them on every node of every file costs memory (and collection) at scale.
  if (Array.isArray(documents) && documents.some((d) => d.errors.some((e) => UNCLOSED_CODES.has(e.code)))) {
    lineCounter.lineStarts.length = 0;
    documents = parse(true);
  }
  const list = Array.isArray(documents) ? documents : [];
  const first = list[0];
  if (!first || first.contents === null) {
    for (const error of [...(first?.errors ?? []), ...(first?.warnings ?? [])]) {
      result.diagnostics.push(fromYamlError(file, error, lineCounter));
    }
    if (result.diagnostics.length === 0) {
      result.diagnostics.push(
        diagnosticAt({ file, start: FILE_START }, 'FILE_EMPTY', 'file holds no data', { hint: 'add the record, or delete the file' }),
      );
    }
    return result;
  }
  result.document = first;
  for (const extra of list.slice(1)) {
    result.diagnostics.push(
      diagnosticAt(
        { file, start: position(lineCounter, extra.range[0]) },
        'YAML_MULTIPLE_DOCUMENTS',
        'file holds more than one YAML document',
        {
          hint: 'put each record in its own file and remove the `---` separator',
        },
      ),
    );
  }
  const errors = first.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  const parseProblems = [...errors, ...first.warnings].filter((e) => e.code !== 'TAG_RESOLVE_FAILED');
  const reported = new Set<string>();
  for (const problem of parseProblems) {
    const diagnostic = fromYamlError(file, problem, lineCounter, { text, document: first });
    // Two errors the parser raises for one unclosed bracket land on the same opener: report it once.
    const key = `${diagnostic.code}|${diagnostic.start.line}:${diagnostic.start.column}|${diagnostic.message}`;
    if (reported.has(key)) continue;
    reported.add(key);
    result.diagnostics.push(diagnostic);
  }
  const structural = needsStructuralWalk(text, first) ? structuralDiagnostics(file, text, first, lineCounter) : [];
  result.diagnostics.push(...structural);
  if (errors.length > 0 || structural.some((d) => d.code === 'YAML_ALIAS')) return result;

  if (!isMap(first.contents)) {
    const at = spanOf(first.contents as Node, lineCounter);
    result.diagnostics.push(
      diagnosticAt(
        { file, start: at?.start ?? FILE_START, end: at?.end },
        'YAML_NOT_MAPPING',
        'a data file must hold one mapping of fields (key: value) at the top level',
      ),
    );
    return result;
  }
  try {
    result.value = first.toJS({ maxAliasCount: 0 });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    result.diagnostics.push(
      diagnosticAt({ file, start: FILE_START }, 'YAML_TOO_DEEP', 'mappings and lists are nested too deeply to read', {
        hint: 'a data file needs only a few levels of nesting',
      }),
    );
  }
  return result;
}

/** Bytes to a ParsedFile: decoding problems stop before parsing. */
export function parseDataFile(file: string, bytes: Uint8Array): ParsedFile {
  const decoded = decodeDataFile(file, bytes);
  if (!('text' in decoded)) {
    return { path: file, text: '', lineCounter: new LineCounter(), value: undefined, diagnostics: decoded.diagnostics };
  }
  const parsed = parseDataText(file, decoded.text);
  parsed.diagnostics.unshift(...decoded.diagnostics);
  return parsed;
}
