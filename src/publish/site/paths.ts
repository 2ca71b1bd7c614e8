/**
 * Where the site's files are and how pages link to each other. A page's path is
 * derived from its entity's IRI path (the id): `site/<id>/index.html`, so the
 * site served at the base IRI makes every entity IRI resolve to its page. Links
 * are relative, so the site works from any folder of any static host.
 */

export const SITE_DIR = 'site';
export const LANDING_PATH = `${SITE_DIR}/index.html`;
/** Not an id path (ids have no extension), so it can never clash with an entity page. */
export const OVERVIEW_PATH = `${SITE_DIR}/overview.html`;
/** The commitment tracker (see tracker.ts); like the overview, not an id path. */
export const TRACKER_PATH = `${SITE_DIR}/tracker.html`;
export const STYLESHEET_PATH = `${SITE_DIR}/style.css`;
export const SITEMAP_PATH = `${SITE_DIR}/sitemap.xml`;
/** The search page, its script and its prebuilt index: a static host needs no server to search. */
export const SEARCH_PATH = `${SITE_DIR}/search.html`;
export const SEARCH_SCRIPT_PATH = `${SITE_DIR}/search.js`;
export const SEARCH_INDEX_PATH = `${SITE_DIR}/search-index.json`;
/** The list pages' script: narrows and sorts a list in the browser (the list reads without it). */
export const LIST_SCRIPT_PATH = `${SITE_DIR}/list.js`;
/** The page static hosts (GitHub Pages, Netlify, S3) answer for a path they do not have. */
export const NOT_FOUND_PATH = `${SITE_DIR}/404.html`;

/**
 * Where a file of the release sits once published: at the site's root, beside the
 * pages, which is where its DCAT download URL and schema:contentUrl (base IRI + path)
 * point and where `partnership serve` answers it.
 */
export function publishedPath(releasePath: string): string {
  return `${SITE_DIR}/${releasePath}`;
}

export function entityPagePath(id: string): string {
  return `${SITE_DIR}/${id}/index.html`;
}

const SLASH = 0x2f;

/**
 * A relative link from one file of the release to another (both relative to dist/).
 * A link to a folder's `index.html` is written as the folder (`../x/`), which every
 * static host serves.
 */
export function relativeHref(fromFile: string, toFile: string): string {
  // Every page links to dozens of others: compare the paths in place rather than splitting them.
  let shared = 0;
  const common = Math.min(fromFile.length, toFile.length);
  for (let i = 0; i < common; i++) {
    const code = fromFile.charCodeAt(i);
    if (code !== toFile.charCodeAt(i)) break;
    if (code === SLASH) shared = i + 1;
  }
  let up = 0;
  for (let i = fromFile.indexOf('/', shared); i !== -1; i = fromFile.indexOf('/', i + 1)) up += 1;
  let rest = toFile.slice(shared);
  if (rest === 'index.html') rest = '';
  else if (rest.endsWith('/index.html')) rest = rest.slice(0, -'index.html'.length);
  const href = '../'.repeat(up) + rest;
  return href === '' ? './' : href;
}
