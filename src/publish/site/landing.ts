/**
 * The landing page: the dataset described from its record (title, description,
 * version, licence, publisher, how to cite), the download files with their size and
 * SHA-256 (from the artifacts made before the site), and the catalogue in JSON-LD.
 */
import { recordsOf } from '../../model/catalog.js';
import { CHECKSUMS_PATH } from '../checksums.js';
import { CATALOG_PATH, dcatCatalog, isDistribution } from '../dcat.js';
import type { FileDigest } from '../digest.js';
import type { SiteContext } from '../../compile/site/context.js';
import type { Release } from '../../compile/index.js';
import { entityLink, externalLink } from './links.js';
import { type Html, html } from './html.js';
import { LANDING_PATH, OVERVIEW_PATH, publishedPath, relativeHref } from './paths.js';

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

/** A citation from the dataset record: publisher (year). Title (version x) [Data set]. IRI. */
export function citation(site: SiteContext): string {
  const year = (site.dataset.issued).slice(0, 4);
  const version = site.dataset.version;
  return `${site.dataset.publisher} (${year}). ${site.dataset.title}${version ? ` (version ${version})` : ''} [Data set]. ${site.baseIri}`;
}

/**
 * The dataset for search engines and harvesters: the catalogue itself (the graph's
 * dataset node, in DCAT and schema.org terms, with its distributions), so the page
 * and catalog.jsonld give the same triples and a harvester merging them meets each
 * statement once. `published`: every file before the landing page.
 */
export function datasetJsonld(context: Release, published: readonly FileDigest[]): string {
  return JSON.stringify(dcatCatalog(context, published.filter((file) => file.path !== CATALOG_PATH)), null, 2);
}

/** The id of the landing page's list of records, which each page's breadcrumb links to. */
export const BROWSE_FRAGMENT = 'browse';

/** Every entity by kind, each list folded (plain HTML `details`), so every page is two clicks away. */
function browse(site: SiteContext): Html {
  const kinds = site.schemas.kinds.filter((kind) => recordsOf(site.catalog, kind.kind).length > 0);
  return html`<section aria-labelledby="${BROWSE_FRAGMENT}"><h2 id="${BROWSE_FRAGMENT}">Browse the records</h2>
${kinds.map((kind) => {
  const records = recordsOf(site.catalog, kind.kind);
  return html`<details><summary>${kind.title} (${records.length})</summary><ul>${records.map((r) => html`<li>${entityLink(site, LANDING_PATH, r.id)}</li>`)}</ul></details>
`;
})}</section>
`;
}

export function landingBody(site: SiteContext, files: readonly FileDigest[]): Html {
  const path = LANDING_PATH;
  const license = site.dataset.license;
  const partnership = site.dataset.partnership;
  const { keywords } = site.dataset;
  const download = (file: FileDigest) => relativeHref(path, publishedPath(file.path));
  return html`<h1>${site.dataset.title}</h1>
<p>${site.dataset.description}</p>
<dl class="fields">
<dt>Version</dt><dd>${site.dataset.version}</dd>
<dt>Issued</dt><dd><time datetime="${site.dataset.issued}">${site.dataset.issued}</time></dd>
<dt>Publisher</dt><dd>${site.dataset.publisher}</dd>
<dt>Licence</dt><dd>${license ? externalLink(license) : ''}</dd>
${partnership ? html`<dt>About</dt><dd>${entityLink(site, path, partnership)}</dd>\n` : ''}${
    keywords.length > 0 ? html`<dt>Keywords</dt><dd>${keywords.map((k) => html`<span class="chip">${k}</span>`)}</dd>\n` : ''
  }<dt>Entities</dt><dd>${site.catalog.records.length} records, each with its own page; see the <a href="${relativeHref(path, OVERVIEW_PATH)}">visual overview</a></dd>
</dl>
<section aria-labelledby="downloads"><h2 id="downloads">Downloads</h2>
<p>Check a download with <code>sha256sum -c ${CHECKSUMS_PATH}</code> (<a href="${relativeHref(path, publishedPath(CHECKSUMS_PATH))}">${CHECKSUMS_PATH}</a> lists every file of the release).</p>
<table>
<caption class="legend">Files of version ${site.dataset.version}, with their size and SHA-256</caption>
<thead><tr><th scope="col">File</th><th scope="col">Type</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${files.map(
  (file) => html`<tr><td><a href="${download(file)}">${file.path}</a></td><td>${file.mediaType}</td><td class="num" title="${file.bytes} bytes">${humanSize(file.bytes)}</td><td><code>${file.sha256}</code></td></tr>
`,
)}</tbody>
</table>
</section>
${browse(site)}<section aria-labelledby="cite"><h2 id="cite">How to cite</h2>
<p><cite>${citation(site)}</cite></p>
${license ? html`<p>Licensed under ${externalLink(license)}: credit the publisher and link to the licence.</p>` : ''}
</section>
`;
}
