/** Links between pages and to the web, as the site writes them. */
import type { SiteContext } from '../../compile/site/context.js';
import type { EntityRecord } from '../../model/catalog.js';
import { escapeHtml, Html, html } from './html.js';
import { shortLabel } from '../../compile/site/labels.js';
import { entityPagePath, relativeHref } from './paths.js';

/** Each link's escaped name (and title, when shortened) from after its href, made once: pages link to the same records many times. */
const linkTexts = new WeakMap<SiteContext, Map<string, string>>();

function linkText(site: SiteContext, id: string, target: EntityRecord): string {
  let texts = linkTexts.get(site);
  if (!texts) {
    texts = new Map();
    linkTexts.set(site, texts);
  }
  let text = texts.get(id);
  if (text === undefined) {
    const label = site.labels.label(target);
    const short = shortLabel(label);
    // A shortened name keeps the whole in its title, so nothing is cut without a way to read it.
    text = short === label ? `>${escapeHtml(label)}` : ` title="${escapeHtml(label)}">${escapeHtml(short)}`;
    texts.set(id, text);
  }
  return text;
}

/** A link from the page at `fromPath` to the page of `id`, named by the target's label. */
export function entityLink(site: SiteContext, fromPath: string, id: string): Html {
  const target = site.catalog.byId.get(id);
  if (!target) return html`${id}`;
  return new Html(`<a href="${escapeHtml(relativeHref(fromPath, entityPagePath(id)))}"${linkText(site, id, target)}</a>`);
}

/** A link named by the target's whole label, however long (a source's title in a citation). */
export function fullEntityLink(site: SiteContext, fromPath: string, id: string): Html {
  const target = site.catalog.byId.get(id);
  if (!target) return html`${id}`;
  return html`<a href="${relativeHref(fromPath, entityPagePath(id))}">${site.labels.label(target)}</a>`;
}

/** Only web links become links: a `javascript:` value in the data stays text. */
export function externalLink(url: string): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}">${url}</a>` : html`${url}`;
}
