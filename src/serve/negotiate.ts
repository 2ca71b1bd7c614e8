/** Content negotiation on the `Accept` header (RFC 9110 §12.5.1): media ranges with q-values. */

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [range = '', ...params] = part.split(';').map((p) => p.trim());
      const [type = '', subtype = ''] = range.toLowerCase().split('/');
      const qParam = params.find((p) => /^q=/i.test(p));
      // A qvalue is 0 to 1 with at most three decimals (RFC 9110 §12.4.2); a range with any other is ignored.
      const q = qParam === undefined ? 1 : QVALUE.test(qParam.slice(2)) ? Number(qParam.slice(2)) : 0;
      return { type, subtype, q };
    });
}

function specificity(range: MediaRange): number {
  return range.type === '*' ? 0 : range.subtype === '*' ? 1 : 2;
}

/** The quality the client gives a media type: that of the most specific range matching it. */
function quality(ranges: readonly MediaRange[], mediaType: string): number {
  const [type, subtype] = mediaType.split('/');
  const matching = ranges
    .filter((r) => (r.type === '*' || r.type === type) && (r.subtype === '*' || r.subtype === subtype))
    .sort((a, b) => specificity(b) - specificity(a));
  return matching[0]?.q ?? 0;
}

/**
 * The offered media type the client prefers (ties go to the earlier offer), or
 * undefined when it accepts none of them. No header means anything goes.
 */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (accept === undefined || accept.trim() === '') return offered[0];
  const ranges = parseAccept(accept);
  let best: { type: string; q: number } | undefined;
  for (const type of offered) {
    const q = quality(ranges, type);
    if (q > 0 && (!best || q > best.q)) best = { type, q };
  }
  return best?.type;
}
