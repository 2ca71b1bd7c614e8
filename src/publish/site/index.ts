/**
 * `site/`: the static site. A landing page, a page per entity at the path of its
 * IRI, the visual overview, a stylesheet and a sitemap. It runs after the files
 * it lists for download (and the linked-data documents it embeds), and before
 * SHA256SUMS, which then covers it.
 */
import { earlierArtifact } from '../digest.js';
import { entityDocumentPath } from '../jsonld.js';
import { type Artifact, artifactBytes, type Publisher } from '../types.js';
import { siteContext } from './context.js';
import { entityBody } from './entity.js';
import { BROWSE_FRAGMENT, downloads, datasetJsonld, landingBody } from './landing.js';
import { type Alternate, type Page, renderPage, STYLESHEET } from './layout.js';
import { overviewBody } from './overview.js';
import { entityPagePath, LANDING_PATH, OVERVIEW_PATH, relativeHref, SITEMAP_PATH, STYLESHEET_PATH } from './paths.js';
import { sitemapXml } from './sitemap.js';

const HTML = 'text/html; charset=utf-8';

/**
 * An entity's own linked-data documents, made by the linked-data publishers: the
 * JSON-LD to embed and both to link as alternates. A missing one is an internal
 * fault (a publisher out of order), so it throws.
 */
function linkedDataOf(earlier: readonly Artifact[], id: string, pagePath: string): { jsonld: string; alternates: Alternate[] } {
  const jsonld = earlierArtifact(earlier, entityDocumentPath(id, 'jsonld'));
  const turtle = earlierArtifact(earlier, entityDocumentPath(id, 'ttl'));
  return {
    jsonld: new TextDecoder().decode(artifactBytes(jsonld)),
    alternates: [jsonld, turtle].map((a) => ({ href: relativeHref(pagePath, a.path), mediaType: a.mediaType })),
  };
}

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
      const trail = [{ label: site.labels.kindTitle(record), path: LANDING_PATH, fragment: BROWSE_FRAGMENT }, { label: title }];
      pages.push({ ...frame, path, title, body, trail, ...linkedDataOf(earlier, record.id, path) });
    }
    const artifacts: Artifact[] = pages.map((page) => ({ path: page.path, content: renderPage(page), mediaType: HTML }));
    artifacts.push({ path: STYLESHEET_PATH, content: STYLESHEET, mediaType: 'text/css' });
    artifacts.push({ path: SITEMAP_PATH, content: sitemapXml(site.baseIri, pages.map((p) => p.path)), mediaType: 'application/xml' });
    return artifacts;
  },
};
