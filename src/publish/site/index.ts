/**
 * `site/`: the static site. A landing page, a page per entity at the path of its
 * IRI, a list page per kind, the visual overview, a search page with its prebuilt
 * index, a 404 page, a stylesheet and a sitemap. The landing page describes the
 * downloads with their sizes and hashes, so it is made once they are written.
 */
import type { Release } from '../../compile/index.js';
import { entityDocumentText } from '../../compile/linked-data.js';
import type { SiteContext } from '../../compile/site/context.js';
import { shortLabel } from '../../compile/site/labels.js';
import type { EntityRecord } from '../../model/catalog.js';
import { isDistribution } from '../dcat.js';
import { entityDocumentPath, JSONLD_MEDIA_TYPE } from '../jsonld.js';
import { TURTLE_MEDIA_TYPE } from '../rdf.js';
import type { Describer, Publisher } from '../types.js';
import { licenceName } from './citations.js';
import { placeOf } from './document.js';
import { entityBody } from './entity.js';
import { html } from './html.js';
import { datasetJsonld, landingBody } from './landing.js';
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
import { hasTracker } from './tracker.js';
import { HTML_MEDIA_TYPE, releaseMediaType } from '../media-types.js';

/** An entity's own linked-data documents (which the JSON-LD and RDF publishers write), linked as alternates. */
function alternatesOf(id: string, pagePath: string): Alternate[] {
  return [
    { path: entityDocumentPath(id, 'jsonld'), mediaType: JSONLD_MEDIA_TYPE },
    { path: entityDocumentPath(id, 'ttl'), mediaType: TURTLE_MEDIA_TYPE },
  ].map(({ path, mediaType }) => ({ href: relativeHref(pagePath, path), mediaType }));
}

/** The data's licence, named: every page's footer and data box show it. */
function licenceOf(site: SiteContext): { name: string; url?: string } | undefined {
  const url = site.dataset.license;
  return url ? { name: licenceName(url), url } : undefined;
}

/** Breadcrumb steps are short: the page names its document and section in full. */
const TRAIL_LABEL = 40;

/** The breadcrumb of an entity page: the list of its kind, or the document and sections it is read in. */
function trailOf(site: SiteContext, record: EntityRecord, title: string): Page['trail'] {
  const place = placeOf(site, record);
  const steps = [place.document, place.part, ...place.parents].filter((r): r is EntityRecord => r !== undefined);
  const list = listPagePath(site, record.kind);
  const first =
    steps.length > 0
      ? steps.map((step) => ({ label: shortLabel(site.labels.label(step), TRAIL_LABEL), path: entityPagePath(step.id) }))
      : list
        ? [{ label: site.labels.kindPlural(record.kind), path: list }]
        : [];
  return [{ label: 'Home', path: LANDING_PATH }, ...first, { label: shortLabel(title, TRAIL_LABEL) }];
}

/** The CSV table holding a record's row: its kind's table. */
function csvTableOf({ site, tables }: Release, record: EntityRecord): string | undefined {
  const name = site.labels.kindOf(record)?.table;
  return tables.find((table) => table.name === name)?.path;
}

/**
 * The site's pages for the records, the lists, the overview, search, the page for
 * paths a host does not have, the scripts, the stylesheet and the sitemap.
 */
export const sitePages: Publisher = {
  name: 'site-pages',
  async publish(release, sink) {
    const { site, graph } = release;
    const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
    const licence = licenceOf(site);
    const frame = { lang: site.lang, siteName: site.siteName, ...(licence ? { licence } : {}) };
    const licenceLink = licence?.url
      ? html`<a href="${licence.url}" rel="license">${licence.name}</a>`
      : html`${licence?.name ?? 'not stated'}`;
    const add = (page: Page) => sink.add({ path: page.path, content: renderPage(page), mediaType: HTML_MEDIA_TYPE });
    await add({
      ...frame,
      path: OVERVIEW_PATH,
      title: 'Overview',
      body: overviewBody(site),
      trail: [{ label: 'Home', path: LANDING_PATH }, { label: 'Overview' }],
    });
    for (const record of site.catalog.records) {
      const path = entityPagePath(record.id);
      const alternates = alternatesOf(record.id, path);
      const csv = csvTableOf(release, record);
      const links = {
        jsonld: alternates[0]?.href,
        turtle: alternates[1]?.href,
        ...(csv ? { csv: relativeHref(path, publishedPath(csv)) } : {}),
      };
      const { title, body } = entityBody(site, record, links, licenceLink);
      const node = nodes.get(record.id);
      await add({
        ...frame,
        path,
        title,
        body,
        trail: trailOf(site, record, title),
        alternates,
        ...(node ? { jsonld: entityDocumentText(node, graph) } : {}),
      });
    }
    for (const list of listPages(site)) {
      await add({
        ...frame,
        path: list.path,
        title: list.title,
        body: list.body,
        trail: [{ label: 'Home', path: LANDING_PATH }, { label: list.title }],
        scripts: [LIST_SCRIPT_PATH],
      });
    }
    await add({
      ...frame,
      path: SEARCH_PATH,
      title: 'Search',
      body: searchBody(site),
      trail: [{ label: 'Home', path: LANDING_PATH }, { label: 'Search' }],
      scripts: [SEARCH_SCRIPT_PATH],
    });
    await add({
      ...frame,
      path: NOT_FOUND_PATH,
      title: 'Page not found',
      body: notFoundBody(site),
      absoluteBase: site.baseIri,
    });
    await sink.add({ path: SEARCH_INDEX_PATH, content: searchIndexJson(site), mediaType: releaseMediaType(SEARCH_INDEX_PATH) });
    await sink.add({ path: SEARCH_SCRIPT_PATH, content: SEARCH_SCRIPT, mediaType: releaseMediaType(SEARCH_SCRIPT_PATH) });
    await sink.add({ path: LIST_SCRIPT_PATH, content: LIST_SCRIPT, mediaType: releaseMediaType(LIST_SCRIPT_PATH) });
    await sink.add({ path: STYLESHEET_PATH, content: STYLESHEET, mediaType: releaseMediaType(STYLESHEET_PATH) });
    const pages = [
      LANDING_PATH,
      OVERVIEW_PATH,
      ...trackerPaths(site),
      SEARCH_PATH,
      ...listPagePaths(site).values(),
      ...site.catalog.records.map((record) => entityPagePath(record.id)),
    ];
    await sink.add({ path: SITEMAP_PATH, content: sitemapXml(site.baseIri, pages), mediaType: releaseMediaType(SITEMAP_PATH) });
  },
};

/** The commitment tracker's page, where there are commitments to track. */
function trackerPaths(site: SiteContext): string[] {
  return hasTracker(site.catalog) ? [TRACKER_PATH] : [];
}

/** The landing page, which lists the downloads with their sizes and hashes. */
export const siteLanding: Describer = {
  name: 'site-landing',
  makes: [LANDING_PATH],
  describes: isDistribution,
  describe(release: Release, downloads) {
    const { site } = release;
    const licence = licenceOf(site);
    const landing: Page = {
      lang: site.lang,
      siteName: site.siteName,
      ...(licence ? { licence } : {}),
      path: LANDING_PATH,
      title: site.siteName,
      description: site.dataset.description,
      body: landingBody(site, downloads, new Set(trackerPaths(site))),
      jsonld: datasetJsonld(release, downloads),
    };
    return [{ path: LANDING_PATH, content: renderPage(landing), mediaType: HTML_MEDIA_TYPE }];
  },
};
