/**
 * `site/`: the static site. A landing page, a page per entity at the path of its
 * IRI, the visual overview, a stylesheet and a sitemap. It runs after the files
 * it lists for download (and the linked-data documents it embeds and links), and
 * before SHA256SUMS, which then covers it. Pages go to the output as they are made.
 */
import { MissingArtifactError } from '../digest.js';
import { entityDocumentPath, entityDocumentText, JSONLD_MEDIA_TYPE, linkedData } from '../jsonld.js';
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

export const staticSite: Publisher = {
  name: 'site',
  async publish(context, output) {
    const site = siteContext(context);
    const data = linkedData(context);
    const nodes = new Map(data.nodes.map((node) => [node.id, node]));
    const frame = { lang: site.lang, siteName: site.siteName };
    const files = downloads(await output.digests());
    const paths: string[] = [];
    const add = (page: Page) => {
      paths.push(page.path);
      return output.add({ path: page.path, content: renderPage(page), mediaType: HTML });
    };
    await add({
      ...frame,
      path: LANDING_PATH,
      title: site.siteName,
      description: String(site.dataset.fields.description ?? ''),
      body: landingBody(site, files),
      jsonld: datasetJsonld(site, files),
    });
    await add({ ...frame, path: OVERVIEW_PATH, title: 'Overview', body: overviewBody(site), trail: [{ label: 'Overview' }] });
    for (const record of site.catalog.records) {
      const path = entityPagePath(record.id);
      const { title, body } = entityBody(site, record);
      const trail = [{ label: site.labels.kindTitle(record), path: LANDING_PATH, fragment: BROWSE_FRAGMENT }, { label: title }];
      const alternates = alternatesOf(output, record.id, path);
      const node = nodes.get(record.id);
      await add({ ...frame, path, title, body, trail, alternates, ...(node ? { jsonld: entityDocumentText(node, data) } : {}) });
    }
    await output.add({ path: STYLESHEET_PATH, content: STYLESHEET, mediaType: 'text/css' });
    await output.add({ path: SITEMAP_PATH, content: sitemapXml(site.baseIri, paths), mediaType: 'application/xml' });
  },
};
