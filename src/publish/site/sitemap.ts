/**
 * `site/sitemap.xml`: every page, at its URL when the site is served at the base IRI
 * (where `partnership serve` and the entity IRIs put it). Sitemaps need absolute URLs.
 */
import { escapeXml } from './html.js';
import { SITE_DIR } from './paths.js';

export function sitemapXml(baseIri: string, pagePaths: readonly string[]): string {
  const urls = pagePaths.map((path) => {
    const relative = path.slice(SITE_DIR.length + 1).replace(/(^|\/)index\.html$/, '$1');
    return `  <url><loc>${escapeXml(baseIri + relative)}</loc></url>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('')}</urlset>\n`;
}
