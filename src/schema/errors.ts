import type { ErrorObject } from 'ajv';
import { isScalar, type Node, Scalar } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';
import { FILE_START } from '../diagnostics.js';
import type { ParsedFile } from '../load/parse.js';
import { joinPointer, locateNode, pointerSegments, spanOf } from '../load/locate.js';
import { didYouMean } from '../text/suggest.js';

/** `paragraphs/0/text` as `paragraphs[0].text`, the way people read a path. */
export function readablePath(pointer: string): string {
  let out = '';
  for (const segment of pointerSegments(pointer)) {
    out += /^\d+$/.test(segment) ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out || '(top level)';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

function typeName(type: unknown): string {
  const names: Record<string, string> = {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    null: 'null',
  };
  return (Array.isArray(type) ? type : [type]).map((t) => names[String(t)] ?? String(t)).join(' or ');
}

interface Mapped {
  code: DiagnosticCode;
  message: string;
  hint?: string;
  /** Point at the offending key rather than its value. */
  atKey?: boolean;
  pointer?: string;
  /** A character outside ASCII in a value that must match an ASCII pattern: the diagnostic points at it. */
  oddCharacter?: string;
}

function unquotedScalar(file: ParsedFile, node: Node | undefined): Mapped | undefined {
  if (!isScalar(node) || node.type !== Scalar.PLAIN || typeof node.value === 'string' || !node.range) return undefined;
  const written = file.text.slice(node.range[0], node.range[1]);
  // `field:` with nothing after it is a missing value, not a spelling to quote.
  if (written === '') return undefined;
  return {
    code: 'YAML_UNQUOTED_SCALAR',
    message: `expected text, but the unquoted ${written} was read as ${describeValue(node.value)}`,
    hint: `quote it: "${written.replace(/"/g, '\\"')}"`,
  };
}

function mapError(error: ErrorObject, file: ParsedFile, node: Node | undefined): Mapped {
  const where = readablePath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const properties = (error.parentSchema as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
      const about = properties?.[missing]?.description;
      return {
        code: 'SCHEMA_REQUIRED',
        message: `${where === '(top level)' ? 'record' : where} is missing the required field "${missing}"`,
        hint: about ? `add "${missing}": ${about}` : `add "${missing}"`,
      };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {}).filter((k) => k !== '$schema');
      return {
        code: 'SCHEMA_ADDITIONAL',
        message: `unknown field "${extra}"${where === '(top level)' ? '' : ` in ${where}`}`,
        hint: didYouMean(extra, allowed) ?? `allowed fields: ${allowed.join(', ')}`,
        atKey: true,
        pointer: joinPointer(error.instancePath, extra),
      };
    }
    case 'type': {
      if (String(params.type).includes('string')) {
        const unquoted = unquotedScalar(file, node);
        if (unquoted) return { ...unquoted, message: `${where}: ${unquoted.message}` };
      }
      const value = error.data;
      const yesNo = typeof value === 'string' && /^(yes|no|on|off|y|n)$/i.test(value) && params.type === 'boolean';
      const empty = isScalar(node) && !!node.range && node.range[0] === node.range[1];
      return {
        code: 'SCHEMA_TYPE',
        message: `${where} must be ${typeName(params.type)}, not ${empty ? 'empty' : describeValue(value)}`,
        hint: yesNo
          ? 'YAML 1.2 reads yes/no/on/off as text: write true or false'
          : empty
            ? 'write the value, or leave the field out'
            : description,
        // An empty value has no width of its own: point at its key.
        atKey: empty,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return {
        code: 'SCHEMA_ENUM',
        message: `${where} is ${describeValue(error.data)}; expected one of: ${allowed.join(', ')}`,
        hint: typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined,
      };
    }
    case 'pattern': {
      // A look-alike letter from another script (Cyrillic "е" for "e") is invisible in the value: name it.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, to find what is not.
      const odd = typeof error.data === 'string' ? /[^\u0000-\u007f]/u.exec(error.data)?.[0] : undefined;
      const oddText = odd
        ? `; it holds "${odd}" (U+${(odd.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}), which is not ASCII: a look-alike of a Latin letter?`
        : '';
      return {
        code: 'SCHEMA_PATTERN',
        message: `${where} is ${describeValue(error.data)}, which does not have the required form${description ? `: ${description}` : ''}${oddText}`,
        hint: `it must match ${String(params.pattern)}`,
        ...(odd ? { oddCharacter: odd } : {}),
      };
    }
    case 'format': {
      const expected: Record<string, string> = {
        'partial-date': 'a date written YYYY, YYYY-MM or YYYY-MM-DD (a real date)',
        date: 'a date written YYYY-MM-DD (a real date)',
        uri: 'an absolute URL',
      };
      return {
        code: 'SCHEMA_FORMAT',
        message: `${where} is ${describeValue(error.data)}; expected ${expected[String(params.format)] ?? String(params.format)}`,
        hint: String(params.format).includes('date') ? 'quote dates in YAML: "2025-11-02"' : undefined,
      };
    }
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return { code: 'SCHEMA_LENGTH', message: `${where} ${error.message ?? 'has the wrong length'}`, hint: description };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'SCHEMA_RANGE', message: `${where} ${error.message ?? 'is out of range'}`, hint: description };
    case 'uniqueItems':
      return {
        code: 'SCHEMA_UNIQUE',
        message: `${where} lists the same item twice (items ${String(params.j)} and ${String(params.i)})`,
        hint: 'remove the repeated item',
        pointer: `${error.instancePath}/${String(params.i)}`,
      };
    default:
      return { code: 'SCHEMA_INVALID', message: `${where} ${error.message ?? 'is invalid'}`, hint: description };
  }
}

/** Ajv errors for one file as Diagnostics positioned on the offending YAML node. */
export function schemaDiagnostics(file: ParsedFile, errors: readonly ErrorObject[]): Diagnostic[] {
  const root = file.document?.contents as Node | undefined;
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const located = root ? locateNode(root, error.instancePath) : undefined;
    const mapped = mapError(error, file, located?.exact ? located.node : undefined);
    const pointer = mapped.pointer ?? error.instancePath;
    const target = root && mapped.pointer ? locateNode(root, mapped.pointer) : located;
    const node = mapped.atKey ? (target?.key ?? target?.node) : target?.node;
    const span = spanOf(node, file.lineCounter);
    // Point at the odd character itself, when the value holds it as written.
    if (span && mapped.oddCharacter && node?.range) {
      const at = file.text.indexOf(mapped.oddCharacter, node.range[0]);
      if (at >= 0 && at < node.range[1]) {
        const position = file.lineCounter.linePos(at);
        span.start = { line: position.line, column: position.col };
      }
    }
    const key = `${mapped.code}|${pointer}|${mapped.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({
      code: mapped.code,
      severity: 'error',
      message: mapped.message,
      file: file.path,
      start: span?.start ?? FILE_START,
      end: span?.end,
      pointer,
      hint: mapped.hint,
    });
  }
  return diagnostics;
}
