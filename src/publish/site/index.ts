/**
 * `site/`: the static site. A page per entity at the path of its IRI, the visual overview, a
 * stylesheet and a sitemap; and the landing page, which describes the downloads with their sizes
 * and hashes, so it is made once they are written.
 */
import type { Release } from '../../compile/index.js';
import { isDistribution } from '../dcat.js';
import { entityDocumentText } from '../../compile/linked-data.js';
import { entityDocumentPath, JSONLD_MEDIA_TYPE } from '../jsonld.js';
import { TURTLE_MEDIA_TYPE } from '../rdf.js';
import type { Describer, Publisher } from '../types.js';
import { entityBody } from './entity.js';
import { BROWSE_FRAGMENT, datasetJsonld, landingBody } from './landing.js';
import { type Alternate, type Page, renderPage, STYLESHEET } from './layout.js';
import { overviewBody } from './overview.js';
import { entityPagePath, LANDING_PATH, OVERVIEW_PATH, relativeHref, SITEMAP_PATH, STYLESHEET_PATH, TRACKER_PATH } from './paths.js';
import { sitemapXml } from './sitemap.js';

import { HTML_MEDIA_TYPE } from './media.js';
import { hasTracker } from './tracker.js';

/** An entity's own linked-data documents (which the JSON-LD and RDF publishers write), linked as alternates. */
function alternatesOf(id: string, pagePath: string): Alternate[] {
  return [
    { path: entityDocumentPath(id, 'jsonld'), mediaType: JSONLD_MEDIA_TYPE },
    { path: entityDocumentPath(id, 'ttl'), mediaType: TURTLE_MEDIA_TYPE },
  ].map(({ path, mediaType }) => ({ href: relativeHref(pagePath, path), mediaType }));
}

/** The pages of the records, the overview, the stylesheet and the sitemap of every page. */
export const sitePages: Publisher = {
  name: 'site-pages',
  async publish({ site, graph, baseIri }, sink) {
    const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
    const frame = { lang: site.lang, siteName: site.siteName };
    const add = (page: Page) => sink.add({ path: page.path, content: renderPage(page), mediaType: HTML_MEDIA_TYPE });
    await add({ ...frame, path: OVERVIEW_PATH, title: 'Overview', body: overviewBody(site), trail: [{ label: 'Overview' }] });
    for (const record of site.catalog.records) {
      const path = entityPagePath(record.id);
      const { title, body } = entityBody(site, record);
      const trail = [{ label: site.labels.kindTitle(record), path: LANDING_PATH, fragment: BROWSE_FRAGMENT }, { label: title }];
      const node = nodes.get(record.id);
      const jsonld = node ? { jsonld: entityDocumentText(node, graph) } : {};
      await add({ ...frame, path, title, body, trail, alternates: alternatesOf(record.id, path), ...jsonld });
    }
    await sink.add({ path: STYLESHEET_PATH, content: STYLESHEET, mediaType: 'text/css' });
    const tracker = hasTracker(site.catalog) ? [TRACKER_PATH] : [];
    const pages = [LANDING_PATH, OVERVIEW_PATH, ...tracker, ...site.catalog.records.map((record) => entityPagePath(record.id))];
    await sink.add({ path: SITEMAP_PATH, content: sitemapXml(baseIri, pages), mediaType: 'application/xml' });
  },
};

/** The landing page, which lists the downloads with their sizes and hashes. */
export const siteLanding: Describer = {
  name: 'site-landing',
  makes: [LANDING_PATH],
  describes: isDistribution,
  describe(release: Release, downloads) {
    const { site } = release;
    const landing: Page = {
      lang: site.lang,
      siteName: site.siteName,
      path: LANDING_PATH,
      title: site.siteName,
      description: site.dataset.description,
      body: landingBody(site, downloads),
      jsonld: datasetJsonld(release, downloads),
    };
    return [{ path: LANDING_PATH, content: renderPage(landing), mediaType: HTML_MEDIA_TYPE }];
  },
};
