/**
 * `site/`: the static site. A landing page, a page per entity at the path of its
 * IRI, a list page per kind, the visual overview, a search page with its prebuilt
 * index, a 404 page, a stylesheet and a sitemap. The pages come after the
 * linked-data documents they embed and link; the landing page after the files it
 * lists for download; all before SHA256SUMS, which then covers them.
 */
import { MissingArtifactError } from '../digest.js';
import { entityDocumentPath, JSONLD_MEDIA_TYPE, linkedData, takeEntityDocumentText } from '../jsonld.js';
import { TURTLE_MEDIA_TYPE } from '../rdf.js';
import type { Publisher, ReleaseOutput } from '../types.js';
import type { EntityRecord } from '../../model/catalog.js';
import { licenceName } from './citations.js';
import { type SiteContext, siteContext } from './context.js';
import { placeOf } from './document.js';
import { entityBody } from './entity.js';
import { html } from './html.js';
import { shortLabel } from './labels.js';
import { downloads, datasetJsonld, landingBody } from './landing.js';
import { type Alternate, type Page, renderPage, STYLESHEET } from './layout.js';
import { LIST_SCRIPT, listPagePath, listPagePaths, listPages } from './lists.js';
import { notFoundBody } from './not-found.js';
import { overviewBody } from './overview.js';
import {
  entityPagePath,
  LANDING_PATH,
  LIST_SCRIPT_PATH,
  NOT_FOUND_PATH,
  OVERVIEW_PATH,
  publishedPath,
  relativeHref,
  SEARCH_INDEX_PATH,
  SEARCH_PATH,
  SEARCH_SCRIPT_PATH,
  SITEMAP_PATH,
  STYLESHEET_PATH,
  TRACKER_PATH,
} from './paths.js';
import { SEARCH_SCRIPT, searchBody, searchIndexJson } from './search.js';
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

/** The data's licence, named: every page's footer and data box show it. */
function licenceOf(site: SiteContext): { name: string; url?: string } | undefined {
  const url = site.dataset.fields.license;
  return typeof url === 'string' ? { name: licenceName(url), url } : undefined;
}

/** Breadcrumb steps are short: the page names its document and section in full. */
const TRAIL_LABEL = 40;

/** The breadcrumb of an entity page: the list of its kind, or the document and sections it is read in. */
function trailOf(site: SiteContext, record: EntityRecord, title: string): Page['trail'] {
  const place = placeOf(site, record);
  const steps = [place.document, place.part, ...place.parents].filter((r): r is EntityRecord => r !== undefined);
  const list = listPagePath(site, record.kind);
  const first = steps.length > 0 ? steps.map((step) => ({ label: shortLabel(site.labels.label(step), TRAIL_LABEL), path: entityPagePath(step.id) })) : list ? [{ label: site.labels.kindPlural(record.kind), path: list }] : [];
  return [{ label: 'Home', path: LANDING_PATH }, ...first, { label: shortLabel(title, TRAIL_LABEL) }];
}

/** The CSV table holding a record's row: its kind's table, where the tables publisher wrote it. */
function csvTableOf(site: SiteContext, output: ReleaseOutput, record: EntityRecord): string | undefined {
  const table = site.labels.kindOf(record)?.table;
  const path = table ? `csv/${table}.csv` : undefined;
  return path && output.has(path) ? path : undefined;
}

/**
 * The site's pages for the records, the lists, the overview, search, the page for
 * paths a host does not have, the scripts and the stylesheet. They need nothing from
 * the describing files, so they are made before them, while the writer thread
 * catches up with the linked data (see PUBLISHERS).
 */
export const sitePages: Publisher = {
  name: 'site-pages',
  async publish(context, output) {
    const site = siteContext(context);
    const data = linkedData(context);
    const nodes = new Map(data.nodes.map((node) => [node.id, node]));
    const licence = licenceOf(site);
    const frame = { lang: site.lang, siteName: site.siteName, ...(licence ? { licence } : {}) };
    const licenceLink = licence?.url ? html`<a href="${licence.url}" rel="license">${licence.name}</a>` : html`${licence?.name ?? 'not stated'}`;
    const add = (page: Page) => output.add({ path: page.path, content: renderPage(page), mediaType: HTML });
    await add({ ...frame, path: OVERVIEW_PATH, title: 'Overview', body: overviewBody(site), trail: [{ label: 'Home', path: LANDING_PATH }, { label: 'Overview' }] });
    for (const record of site.catalog.records) {
      const path = entityPagePath(record.id);
      const alternates = alternatesOf(output, record.id, path);
      const csv = csvTableOf(site, output, record);
      const links = {
        jsonld: alternates[0]?.href,
        turtle: alternates[1]?.href,
        ...(csv ? { csv: relativeHref(path, publishedPath(csv)) } : {}),
      };
      const { title, body } = entityBody(site, record, links, licenceLink);
      const node = nodes.get(record.id);
      await add({ ...frame, path, title, body, trail: trailOf(site, record, title), alternates, ...(node ? { jsonld: takeEntityDocumentText(node, data) } : {}) });
    }
    for (const list of listPages(site)) {
      await add({ ...frame, path: list.path, title: list.title, body: list.body, trail: [{ label: 'Home', path: LANDING_PATH }, { label: list.title }], scripts: [LIST_SCRIPT_PATH] });
    }
    await add({ ...frame, path: SEARCH_PATH, title: 'Search', body: searchBody(site), trail: [{ label: 'Home', path: LANDING_PATH }, { label: 'Search' }], scripts: [SEARCH_SCRIPT_PATH] });
    await add({
      ...frame,
      path: NOT_FOUND_PATH,
      title: 'Page not found',
      body: notFoundBody(site),
      absoluteBase: site.baseIri,
    });
    await output.add({ path: SEARCH_INDEX_PATH, content: searchIndexJson(site), mediaType: 'application/json' });
    await output.add({ path: SEARCH_SCRIPT_PATH, content: SEARCH_SCRIPT, mediaType: 'text/javascript' });
    await output.add({ path: LIST_SCRIPT_PATH, content: LIST_SCRIPT, mediaType: 'text/javascript' });
    await output.add({ path: STYLESHEET_PATH, content: STYLESHEET, mediaType: 'text/css' });
  },
};

/** The landing page, which lists the download files with their sizes and hashes, and the sitemap of every page. */
export const siteLanding: Publisher = {
  name: 'site-landing',
  async publish(context, output) {
    const site = siteContext(context);
    const files = downloads(await output.digests());
    const licence = licenceOf(site);
    // The commitment tracker, where a publisher made one.
    const tracker = output.has(TRACKER_PATH) ? [TRACKER_PATH] : [];
    const landing: Page = {
      lang: site.lang,
      siteName: site.siteName,
      ...(licence ? { licence } : {}),
      path: LANDING_PATH,
      title: site.siteName,
      description: String(site.dataset.fields.description ?? ''),
      body: landingBody(site, files, new Set(tracker)),
      jsonld: datasetJsonld(site, files),
    };
    const pages = [
      LANDING_PATH,
      OVERVIEW_PATH,
      ...tracker,
      SEARCH_PATH,
      ...listPagePaths(site).values(),
      ...site.catalog.records.map((record) => entityPagePath(record.id)),
    ];
    return [
      { path: LANDING_PATH, content: renderPage(landing), mediaType: HTML },
      { path: SITEMAP_PATH, content: sitemapXml(site.baseIri, pages), mediaType: 'application/xml' },
    ];
  },
};
