/**
 * Safe HTML by construction: every value interpolated into the `html` template is
 * escaped unless it is already `Html` (made by this module). Data is never markup.
 */

/** A fragment of markup this module has built (or escaped). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) with the five markup characters escaped. */
const MARKUP = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most values have nothing to escape: testing first spares a replacement per value.
  return MARKUP.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; arrays are joined; null/undefined/false vanish. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** Join fragments with a separator (itself escaped unless Html). */
export function joinHtml(items: readonly HtmlValue[], separator: HtmlValue): Html {
  return new Html(items.map(render).join(render(separator)));
}

const SCRIPT_UNSAFE = /[<\u2028\u2029]/;
const SCRIPT_ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON for a `<script type="application/ld+json">` element: `<` is written as
 * `\u003c` (still the same JSON string), so no value can close the script or
 * open a comment. U+2028/2029 are escaped too, for older JavaScript parsers.
 */
export function jsonForScript(json: string): Html {
  // Most documents hold none of the three: testing first spares copying every page's JSON-LD.
  return new Html(SCRIPT_UNSAFE.test(json) ? json.replace(/[<\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c] ?? c) : json);
}

/** Text for XML (the sitemap). */
export const escapeXml = escapeHtml;
