/**
 * `site/`: the static site. A landing page, a page per entity at the path of its
 * IRI, the visual overview, a stylesheet and a sitemap. The pages come after the
 * linked-data documents they embed and link; the landing page after the files it
 * lists for download; all before SHA256SUMS, which then covers them.
 */
import { MissingArtifactError } from '../digest.js';
import { entityDocumentPath, JSONLD_MEDIA_TYPE, linkedData, takeEntityDocumentText } from '../jsonld.js';
import { TURTLE_MEDIA_TYPE } from '../rdf.js';
import type { Publisher, ReleaseOutput } from '../types.js';
import { siteContext } from './context.js';
import { entityBody } from './entity.js';
import { BROWSE_FRAGMENT, downloads, datasetJsonld, landingBody } from './landing.js';
import { type Alternate, type Page, renderPage, STYLESHEET } from './layout.js';
import { overviewBody } from './overview.js';
import { entityPagePath, LANDING_PATH, OVERVIEW_PATH, relativeHref, SITEMAP_PATH, STYLESHEET_PATH } from './paths.js';
import { sitemapXml } from './sitemap.js';

const HTML = 'text/html; charset=utf-8';

/**
 * An entity's own linked-data documents, which the linked-data publishers wrote:
 * both are linked as alternates. A missing one is an internal fault (a publisher
 * out of order), so it throws.
 */
function alternatesOf(output: ReleaseOutput, id: string, pagePath: string): Alternate[] {
  return [
    { path: entityDocumentPath(id, 'jsonld'), mediaType: JSONLD_MEDIA_TYPE },
    { path: entityDocumentPath(id, 'ttl'), mediaType: TURTLE_MEDIA_TYPE },
  ].map(({ path, mediaType }) => {
    if (!output.has(path)) throw new MissingArtifactError(`${path} must be published before the site that links it`);
    return { href: relativeHref(pagePath, path), mediaType };
  });
}

/**
 * The site's pages for the records, the overview and the stylesheet. They need
 * nothing from the describing files, so they are made before them, while the
 * writer thread catches up with the linked data (see PUBLISHERS).
 */
export const sitePages: Publisher = {
  name: 'site-pages',
  async publish(context, output) {
    const site = siteContext(context);
    const data = linkedData(context);
    const nodes = new Map(data.nodes.map((node) => [node.id, node]));
    const frame = { lang: site.lang, siteName: site.siteName };
    const add = (page: Page) => output.add({ path: page.path, content: renderPage(page), mediaType: HTML });
    await add({ ...frame, path: OVERVIEW_PATH, title: 'Overview', body: overviewBody(site), trail: [{ label: 'Overview' }] });
    for (const record of site.catalog.records) {
      const path = entityPagePath(record.id);
      const { title, body } = entityBody(site, record);
      const trail = [{ label: site.labels.kindTitle(record), path: LANDING_PATH, fragment: BROWSE_FRAGMENT }, { label: title }];
      const alternates = alternatesOf(output, record.id, path);
      const node = nodes.get(record.id);
      await add({ ...frame, path, title, body, trail, alternates, ...(node ? { jsonld: takeEntityDocumentText(node, data) } : {}) });
    }
    await output.add({ path: STYLESHEET_PATH, content: STYLESHEET, mediaType: 'text/css' });
  },
};

/** The landing page, which lists the download files with their sizes and hashes, and the sitemap of every page. */
export const siteLanding: Publisher = {
  name: 'site-landing',
  async publish(context, output) {
    const site = siteContext(context);
    const published = await output.digests();
    const files = downloads(published);
    const landing: Page = {
      lang: site.lang,
      siteName: site.siteName,
      path: LANDING_PATH,
      title: site.siteName,
      description: String(site.dataset.fields.description ?? ''),
      body: landingBody(site, files),
      jsonld: datasetJsonld(context, published),
    };
    const pages = [LANDING_PATH, OVERVIEW_PATH, ...site.catalog.records.map((record) => entityPagePath(record.id))];
    return [
      { path: LANDING_PATH, content: renderPage(landing), mediaType: HTML },
      { path: SITEMAP_PATH, content: sitemapXml(site.baseIri, pages), mediaType: 'application/xml' },
    ];
  },
};
