/**
 * Numbers as decimals. A data file's number is published as the shortest decimal
 * that reads back as the same JSON number, never in exponent form (xsd:decimal and
 * CSVW's `decimal` have none), and -0 as 0, so CSV, N-Quads and JSON-LD agree.
 */

/** The digits and exponent of a decimal text: `value = 0.<digits> × 10^exponent`, no leading or trailing zeros; undefined for zero. */
function decimalParts(text: string): { digits: string; exponent: number } | undefined {
  const match = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!match) return undefined;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  const all = whole + fraction;
  const leading = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(leading).replace(/0+$/, '');
  if (digits === '') return undefined;
  return { digits, exponent: whole.length - leading + Number(match[3] ?? 0) };
}

/** The xsd:decimal lexical form of a JSON number: plain digits, no exponent, `-0` as `0`. */
export function decimalLexical(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} is not a decimal`);
  const shortest = String(value);
  if (!/e/i.test(shortest)) return Object.is(value, -0) ? '0' : shortest;
  const parts = decimalParts(shortest);
  if (!parts) return '0';
  const sign = value < 0 ? '-' : '';
  const { digits, exponent } = parts;
  if (exponent <= 0) return `${sign}0.${'0'.repeat(-exponent)}${digits}`;
  if (exponent >= digits.length) return `${sign}${digits}${'0'.repeat(exponent - digits.length)}`;
  return `${sign}${digits.slice(0, exponent)}.${digits.slice(exponent)}`;
}

/**
 * Whether a number as written in YAML (`source`) is exactly the JSON number it was
 * read as: `12345678901234567890` is not (it reads as …567000), `1e400` is not
 * (Infinity), `0.1` and `1e3` are. Hexadecimal and octal integers must be safe integers.
 */
export function isExactNumber(source: string, value: number): boolean {
  const text = source.replace(/_/g, '');
  if (/^[-+]?0[xXoO]/.test(text)) return Number.isSafeInteger(value);
  if (/^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(text)) return true;
  if (!Number.isFinite(value)) return false;
  const written = decimalParts(text);
  const read = decimalParts(String(value));
  if (!written || !read) return written === read;
  return written.digits === read.digits && written.exponent === read.exponent;
}
