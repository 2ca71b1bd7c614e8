/**
 * `site/`: the static site. A landing page, a page per entity at the path of its
 * IRI, the visual overview, a stylesheet and a sitemap. It runs after the files
 * it lists for download (and the linked-data documents it embeds), and before
 * SHA256SUMS, which then covers it.
 */
import type { Artifact, Publisher } from '../types.js';
import { siteContext } from './context.js';
import { entityBody } from './entity.js';
import { downloads, datasetJsonld, landingBody } from './landing.js';
import { type Page, renderPage, STYLESHEET } from './layout.js';
import { overviewBody } from './overview.js';
import { entityPagePath, LANDING_PATH, OVERVIEW_PATH, SITEMAP_PATH, STYLESHEET_PATH } from './paths.js';
import { sitemapXml } from './sitemap.js';

const HTML = 'text/html; charset=utf-8';

export const staticSite: Publisher = {
  name: 'site',
  publish(context, earlier) {
    const site = siteContext(context);
    const frame = { lang: site.lang, siteName: site.siteName };
    const files = downloads(earlier);
    const pages: Page[] = [
      {
        ...frame,
        path: LANDING_PATH,
        title: site.siteName,
        description: String(site.dataset.fields.description ?? ''),
        body: landingBody(site, files),
        jsonld: datasetJsonld(site, files),
      },
      { ...frame, path: OVERVIEW_PATH, title: 'Overview', body: overviewBody(site), trail: [{ label: 'Overview' }] },
    ];
    for (const record of site.catalog.records) {
      const path = entityPagePath(record.id);
      const { title, body } = entityBody(site, record);
      pages.push({ ...frame, path, title, body, trail: [{ label: site.labels.kindTitle(record) }, { label: title }] });
    }
    const artifacts: Artifact[] = pages.map((page) => ({ path: page.path, content: renderPage(page), mediaType: HTML }));
    artifacts.push({ path: STYLESHEET_PATH, content: STYLESHEET, mediaType: 'text/css' });
    artifacts.push({ path: SITEMAP_PATH, content: sitemapXml(site.baseIri, pages.map((p) => p.path)), mediaType: 'application/xml' });
    return artifacts;
  },
};
