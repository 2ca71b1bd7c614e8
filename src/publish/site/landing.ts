/**
 * The landing page, in the order a newcomer needs it: what the partnership is (its
 * key facts and pillars) and the ways in, then the records by kind, then the
 * downloads in groups with their size and SHA-256 (from the artifacts made before
 * the site), then the dataset's description and how to cite it; and a
 * `schema:Dataset` in JSON-LD.
 */
import { recordsOf } from '../../model/catalog.js';
import { CHECKSUMS_PATH } from '../checksums.js';
import { CSV_ZIP_PATH } from '../csv.js';
import { CATALOG_PATH, dcatCatalog } from '../dcat.js';
import type { FileDigest } from '../digest.js';
import { CONTEXT_PATH, GRAPH_JSONLD_PATH } from '../jsonld.js';
import { NQUADS_PATH, TURTLE_PATH } from '../rdf.js';
import { SHAPES_PATH, VOCAB_PATH } from '../schema-files.js';
import { datasetCitation, licenceName } from './citations.js';
import type { Release } from '../../compile/index.js';
import { referredRecords, type SiteContext } from '../../compile/site/context.js';
import { keyFacts, leadText } from './entity.js';
import { type Html, html } from './html.js';
import { BROWSE_FRAGMENT, DOWNLOADS_FRAGMENT } from './layout.js';
import { entityLink, fullEntityLink } from './links.js';
import { listPagePaths } from './lists.js';
import { OVERVIEW_CHAIN } from './overview.js';
import { entityPagePath, LANDING_PATH, OVERVIEW_PATH, publishedPath, relativeHref, SEARCH_PATH, TRACKER_PATH } from './paths.js';

/** Sizes for people: "12.3 kB" (SI units); the exact byte count is in the title and the JSON-LD. */
export function humanSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let size = bytes / 1000;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${size.toFixed(1)} ${units[unit]}`;
}

/**
 * The dataset for search engines and harvesters: the catalogue itself (the graph's
 * dataset node, in DCAT and schema.org terms, with its distributions), so the page
 * and catalog.jsonld give the same triples and a harvester merging them meets each
 * statement once. `downloads`: the distributions, this page's own downloads.
 */
export function datasetJsonld(release: Release, downloads: readonly FileDigest[]): string {
  return JSON.stringify(
    dcatCatalog(
      release,
      downloads.filter((file) => file.path !== CATALOG_PATH),
    ),
    null,
    2,
  );
}

/** What each file of the release is, for the download list: the toolkit's own files, named by the publishers' paths. */
const FILE_ROLES: readonly { group: 'graph' | 'tables' | 'about'; path: string; what: string }[] = [
  { group: 'graph', path: GRAPH_JSONLD_PATH, what: 'The whole graph as JSON-LD, its context inline' },
  { group: 'graph', path: TURTLE_PATH, what: 'The whole graph in Turtle' },
  { group: 'graph', path: NQUADS_PATH, what: 'The whole graph as canonical N-Quads, one triple a line' },
  { group: 'graph', path: 'records.json', what: 'Every record as plain JSON, by kind' },
  { group: 'tables', path: CSV_ZIP_PATH, what: 'Every table, as one zip of CSV files' },
  { group: 'tables', path: 'csv-metadata.json', what: 'CSVW metadata: the tables\u2019 columns, types and keys' },
  { group: 'tables', path: 'datapackage.json', what: 'Frictionless Data Package describing the tables' },
  { group: 'tables', path: 'DATA-DICTIONARY.md', what: 'Every table and column explained' },
  { group: 'about', path: CATALOG_PATH, what: 'DCAT catalogue of this release' },
  { group: 'about', path: CONTEXT_PATH, what: 'The JSON-LD context' },
  { group: 'about', path: VOCAB_PATH, what: 'The project vocabulary' },
  { group: 'about', path: SHAPES_PATH, what: 'SHACL shapes the graph conforms to' },
  { group: 'about', path: CHECKSUMS_PATH, what: 'SHA-256 of every file' },
];

function downloadItem(file: FileDigest, what: string | undefined): Html {
  return html`<li><a href="${relativeHref(LANDING_PATH, publishedPath(file.path))}">${file.path}</a>${what ? html` — ${what}` : ''}<span class="meta">${file.mediaType} · <span title="${file.bytes} bytes">${humanSize(
    file.bytes,
  )}</span></span><span class="sha">SHA-256 <code>${file.sha256}</code></span></li>
`;
}

/** The downloads in groups: the whole graph in each format, the tables with their descriptions, and the files that describe the release. */
function downloadsSection(site: SiteContext, files: readonly FileDigest[]): Html {
  const role = new Map(FILE_ROLES.map((r) => [r.path, r]));
  const tables = files.filter((file) => file.path.startsWith('csv/'));
  // In the order of FILE_ROLES (the graph's main format first, the zip before the tables' descriptions), then by path.
  const rank = (file: FileDigest) => FILE_ROLES.findIndex((r) => r.path === file.path) >>> 0;
  const inGroup = (group: string) =>
    files
      .filter((file) => (role.get(file.path)?.group ?? (file.path.startsWith('csv/') ? 'table' : 'about')) === group)
      .sort((a, b) => rank(a) - rank(b));
  const items = (list: readonly FileDigest[]) => list.map((file) => downloadItem(file, role.get(file.path)?.what));
  return html`<section aria-labelledby="${DOWNLOADS_FRAGMENT}"><h2 id="${DOWNLOADS_FRAGMENT}">Downloads</h2>
<p>Version ${site.dataset.version}, issued <time datetime="${site.dataset.issued}">${site.dataset.issued}</time>. Check a download with <code>sha256sum -c ${CHECKSUMS_PATH}</code>.</p>
<h3>The whole graph</h3>
<ul class="downloads">
${items(inGroup('graph'))}</ul>
<h3>The tables</h3>
<ul class="downloads">
${items(inGroup('tables'))}</ul>
<details><summary>The ${tables.length} CSV tables, one file each</summary>
<ul class="downloads">
${items(tables)}</ul>
</details>
<h3>About the release</h3>
<ul class="downloads">
${items(inGroup('about'))}</ul>
</section>
`;
}

/** Every kind with records, with its count and list page, so every page is two clicks away. */
function browse(site: SiteContext): Html {
  const lists = listPagePaths(site);
  return html`<section aria-labelledby="${BROWSE_FRAGMENT}"><h2 id="${BROWSE_FRAGMENT}">Browse the records</h2>
<p>${site.catalog.records.length} records, each with its own page. <a href="${relativeHref(LANDING_PATH, SEARCH_PATH)}">Search them</a>, or open a list:</p>
<ul class="cards compact">
${[...lists].map(
  ([
    kind,
    path,
  ]) => html`<li><a href="${relativeHref(LANDING_PATH, path)}">${site.labels.kindPlural(kind)}</a><span class="count">${recordsOf(site.catalog, kind).length}</span></li>
`,
)}</ul>
</section>
`;
}

/** The kind of the founding texts the partnership names (its joint statement), which the landing page offers to read. */
const DOCUMENT_KIND = 'document';

/** Kinds the landing page points to when the data has them: a commitments tracker appears once commitments are recorded. */
const TRACKED_KIND = 'commitment';
export const HIGHLIGHTED_KINDS = [OVERVIEW_CHAIN[2], TRACKED_KIND] as const;

/**
 * What the data is about, first: the partnership the dataset names, its key facts,
 * its pillars, and ways in (the overview, the lists of instruments and commitments,
 * the timeline).
 */
function about(site: SiteContext, pages: ReadonlySet<string>): Html {
  const id = site.dataset.partnership;
  const partnership = id ? site.catalog.byId.get(id) : undefined;
  const path = LANDING_PATH;
  const lists = listPagePaths(site);
  const [pillarKind = ''] = OVERVIEW_CHAIN;
  const ways = HIGHLIGHTED_KINDS.flatMap((kind) => {
    // Commitments go to their tracker where the site has one (by pillar, with each one's status and evidence).
    const list = kind === TRACKED_KIND && pages.has(TRACKER_PATH) ? TRACKER_PATH : lists.get(kind);
    const count = recordsOf(site.catalog, kind).length;
    return list && count > 0
      ? [
          html`<li><a href="${relativeHref(path, list)}">${site.labels.kindPlural(kind)}</a><span class="count">${count} recorded, with their status</span></li>`,
        ]
      : [];
  });
  const pillars = partnership ? referredRecords(site, partnership, pillarKind) : [];
  const documents = partnership ? referredRecords(site, partnership, DOCUMENT_KIND) : [];
  const lead = partnership ? leadText(site, partnership) : '';
  return html`${
    partnership
      ? html`${lead ? html`<p class="lead">${lead}</p>\n` : ''}<section aria-labelledby="partnership"><h2 id="partnership">${site.labels.label(partnership)}</h2>
${keyFacts(site, partnership, path, pillars.length > 0 ? [pillarKind] : [])}<p><a href="${relativeHref(path, entityPagePath(partnership.id))}">Everything about the ${site.labels.kindTitle(partnership).toLowerCase()}, with its sources</a></p>
</section>
`
      : ''
  }${
    pillars.length > 0
      ? html`<section aria-labelledby="pillars"><h2 id="pillars">${site.labels.kindPlural(pillarKind)}</h2>
<ul class="cards">${pillars.map((pillar) => html`<li>${entityLink(site, path, pillar.id)}</li>`)}</ul>
</section>
`
      : ''
  }<section aria-labelledby="explore"><h2 id="explore">Explore</h2>
<ul class="cards">
${documents.map(
  (document) => html`<li>${fullEntityLink(site, path, document.id)}<span class="count">the text, paragraph by paragraph</span></li>
`,
)}<li><a href="${relativeHref(path, OVERVIEW_PATH)}">Overview</a><span class="count">from ${site.labels.kindPlural(pillarKind).toLowerCase()} to instruments and organisations, in charts</span></li>
${ways}<li><a href="${relativeHref(path, OVERVIEW_PATH)}#timeline">Timeline</a><span class="count">the events in order</span></li>
<li><a href="${relativeHref(path, SEARCH_PATH)}">Search</a><span class="count">every record by its words</span></li>
</ul>
</section>
`;
}

/** `pages`: the site's pages published so far (the landing page links the commitment tracker where there is one). */
export function landingBody(site: SiteContext, files: readonly FileDigest[], pages: ReadonlySet<string> = new Set()): Html {
  const license = site.dataset.license;
  const { keywords } = site.dataset;
  return html`<h1>${site.dataset.title}</h1>
${about(site, pages)}${browse(site)}${downloadsSection(site, files)}<section aria-labelledby="dataset"><h2 id="dataset">About the dataset</h2>
<p>${site.dataset.description}</p>
<dl class="fields">
<dt>Version</dt><dd>${site.dataset.version}</dd>
<dt>Issued</dt><dd><time datetime="${site.dataset.issued}">${site.dataset.issued}</time></dd>
<dt>Publisher</dt><dd>${site.dataset.publisher}</dd>
<dt>Licence</dt><dd>${license ? html`<a href="${license}" rel="license">${licenceName(license)}</a>` : ''}</dd>
${keywords.length > 0 ? html`<dt>Keywords</dt><dd>${keywords.map((k) => html`<span class="chip">${k}</span>`)}</dd>\n` : ''}</dl>
</section>
<section aria-labelledby="cite"><h2 id="cite">How to cite</h2>
<p><cite>${datasetCitation(site)}</cite></p>
${license ? html`<p>Licensed under <a href="${license}" rel="license">${licenceName(license)}</a>: credit the publisher and link to the licence.</p>` : ''}
</section>
`;
}
