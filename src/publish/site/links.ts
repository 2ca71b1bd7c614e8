/** Links between pages and to the web, as the site writes them. */
import type { SiteContext } from './context.js';
import { type Html, html } from './html.js';
import { shortLabel } from './labels.js';
import { entityPagePath, relativeHref } from './paths.js';

/** A link from the page at `fromPath` to the page of `id`, named by the target's label. */
export function entityLink(site: SiteContext, fromPath: string, id: string): Html {
  const target = site.catalog.byId.get(id);
  if (!target) return html`${id}`;
  return html`<a href="${relativeHref(fromPath, entityPagePath(id))}">${shortLabel(site.labels.label(target))}</a>`;
}

/** Only web links become links: a `javascript:` value in the data stays text. */
export function externalLink(url: string): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}">${url}</a>` : html`${url}`;
}
