import { isUtf8 } from 'node:buffer';
import type { Diagnostic, Position } from '../diagnostics.js';
import { diagnosticAt, FILE_START } from '../diagnostics.js';

/** Data files are small hand-written records; anything bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface DecodedText {
  text: string;
  diagnostics: Diagnostic[];
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // Node's own check answers for valid text (nearly every file) without a loop in JavaScript.
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let codePoint = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

function bytePosition(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Bytes to text, refusing what is not UTF-8 and flagging the byte-order mark and
 * CRLF endings (harmless to the parser, but not the form the project keeps).
 */
export function decodeDataFile(file: string, bytes: Uint8Array): DecodedText | { diagnostics: Diagnostic[] } {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      diagnostics: [
        diagnosticAt(
          { file, start: FILE_START },
          'FILE_TOO_LARGE',
          `file is ${bytes.length} bytes; a data file may be at most ${MAX_FILE_BYTES} bytes`,
          {
            hint: 'split the records into one file per record',
          },
        ),
      ],
    };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    return {
      diagnostics: [
        diagnosticAt(
          { file, start: bytePosition(bytes, invalid) },
          'FILE_ENCODING',
          `byte 0x${(bytes[invalid] ?? 0).toString(16).padStart(2, '0')} at offset ${invalid} is not valid UTF-8`,
          {
            hint: 'save the file as UTF-8',
          },
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  // ignoreBOM keeps a leading BOM in the text: by default TextDecoder drops it silently, and the check below never fired.
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(
      diagnosticAt({ file, start: FILE_START }, 'FILE_BOM', 'file starts with a UTF-8 byte-order mark', {
        severity: 'warning',
        hint: 'save the file as UTF-8 without BOM (`partnership fmt` does this)',
      }),
    );
  }
  const crlf = text.indexOf('\r\n');
  if (crlf >= 0) {
    const line = text.slice(0, crlf).split('\n').length;
    const start = { line, column: crlf - text.lastIndexOf('\n', crlf - 1) };
    diagnostics.push(
      diagnosticAt({ file, start }, 'FILE_CRLF', 'file uses CRLF (Windows) line endings', {
        severity: 'warning',
        hint: 'save the file with LF line endings (`partnership fmt` does this)',
      }),
    );
  }
  return { text, diagnostics };
}
