/** The frame every page shares: head (title, stylesheet, alternates, JSON-LD), navigation, footer. */
import { Html, html, jsonForScript } from './html.js';
import { LANDING_PATH, OVERVIEW_PATH, relativeHref, SEARCH_PATH, SITE_DIR, STYLESHEET_PATH } from './paths.js';

export interface Alternate {
  href: string;
  mediaType: string;
}

export interface Page {
  /** Path of the page in the release (relative to dist/). */
  path: string;
  title: string;
  /** Language of the data (the dataset's `language`). */
  lang: string;
  /** Site name shown in the header and the footer (the dataset's title). */
  siteName: string;
  body: Html;
  description?: string;
  /** The page's JSON-LD, embedded as is (escaped for a script element). */
  jsonld?: string;
  alternates?: readonly Alternate[];
  /** Breadcrumb trail below the site name: label and target path (the current page last, without a path). */
  trail?: readonly { label: string; path?: string; fragment?: string }[];
  /** The data's licence, named in every footer. */
  licence?: { name: string; url?: string };
  /**
   * A page served at any path (404.html): its links are absolute, under this base
   * (the base IRI), and its stylesheet is inline, since relative links would resolve
   * against whatever path was asked for.
   */
  absoluteBase?: string;
  /** Scripts the page loads (paths in the release); deferred, so the page reads without them. */
  scripts?: readonly string[];
}

/** The id of the landing page's list of kinds and of its downloads, which the header links to. */
export const BROWSE_FRAGMENT = 'browse';
export const DOWNLOADS_FRAGMENT = 'downloads';

/** An absolute URL of a file of the site for a page served at any path. */
function absoluteHref(base: string, to: string): string {
  const relative = to.startsWith(`${SITE_DIR}/`) ? to.slice(SITE_DIR.length + 1) : `../${to}`;
  return base + relative.replace(/(^|\/)index\.html$/, '$1');
}

export function renderPage(page: Page): string {
  const base = page.absoluteBase;
  const href = (to: string) => (base ? absoluteHref(base, to) : relativeHref(page.path, to));
  const trail = page.trail ?? [];
  const style = base ? html`<style>${new Html(STYLESHEET)}</style>\n` : html`<link rel="stylesheet" href="${href(STYLESHEET_PATH)}">\n`;
  const document = html`<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title === page.siteName ? page.title : `${page.title} · ${page.siteName}`}</title>
${page.description ? html`<meta name="description" content="${page.description}">\n` : ''}${style}${(page.alternates ?? []).map(
  (a) => html`<link rel="alternate" type="${a.mediaType}" href="${a.href}">\n`,
)}${page.jsonld ? html`<script type="application/ld+json">${jsonForScript(page.jsonld)}</script>\n` : ''}${(page.scripts ?? []).map(
  (script) => html`<script src="${href(script)}" defer></script>\n`,
)}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<p class="site-name"><a href="${href(LANDING_PATH)}">${page.siteName}</a></p>
<nav aria-label="Site"><ul><li><a href="${href(LANDING_PATH)}#${BROWSE_FRAGMENT}">Browse</a></li><li><a href="${href(OVERVIEW_PATH)}">Overview</a></li><li><a href="${href(LANDING_PATH)}#${DOWNLOADS_FRAGMENT}">Downloads</a></li></ul></nav>
<form class="site-search" role="search" aria-label="Site" action="${href(SEARCH_PATH)}"><label for="site-search-q" class="visually-hidden">Search the records</label> <input id="site-search-q" type="search" name="q" placeholder="e.g. digital"> <button type="submit">Search</button></form>
</header>
${
  trail.length > 0
    ? html`<nav aria-label="Breadcrumb" class="trail"><ol>${trail.map((step, index) =>
        step.path
          ? html`<li><a href="${href(step.path)}${step.fragment ? `#${step.fragment}` : ''}">${step.label}</a></li>`
          : html`<li${index === trail.length - 1 ? html` aria-current="page"` : ''}>${step.label}</li>`,
      )}</ol></nav>\n`
    : ''
}<main id="main">
${page.body}
</main>
<footer class="site"><p>${page.siteName}.${
    page.licence
      ? html` Data licensed under ${page.licence.url ? html`<a href="${page.licence.url}" rel="license">${page.licence.name}</a>` : page.licence.name}.`
      : ''
  } <a href="${href(LANDING_PATH)}">About the data</a> · <a href="${href(LANDING_PATH)}#${DOWNLOADS_FRAGMENT}">Downloads</a> · <a href="${href(SEARCH_PATH)}">Search</a></p></footer>
</body>
</html>
`;
  return document.value;
}

/**
 * The stylesheet: system fonts, text and link colours with a contrast of at least
 * 7:1 on white, visible focus, one column below 40rem (nothing wider than the
 * screen: long words and hashes wrap), and print rules (no navigation, link targets shown).
 */
export const STYLESHEET = `:root {
  --text: #1a1a1a; --muted: #4a4a4a; --link: #0b4f9c; --line: #c8c8c8; --soft: #f3f5f8;
  --accent: #0b4f9c; --accent-text: #ffffff;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; overflow-wrap: break-word; }
main, header.site, footer.site, nav.trail { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
main { min-width: 0; }
a { color: var(--link); }
a:focus-visible, input:focus-visible, button:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.site { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .25rem 1.5rem; border-bottom: 1px solid var(--line); padding-top: .5rem; padding-bottom: .5rem; }
.site-name { font-weight: 600; margin: 0; }
header.site nav ul, nav.trail ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
form.site-search { display: flex; flex-wrap: wrap; align-items: center; gap: .35rem; }
form.site-search label { font-size: .9rem; color: var(--muted); }
input[type="search"] { font: inherit; padding: .25rem .5rem; border: 1px solid #767676; border-radius: .25rem; min-width: 0; width: 10rem; max-width: 100%; }
button { font: inherit; padding: .25rem .75rem; border: 1px solid var(--accent); border-radius: .25rem; background: var(--accent); color: var(--accent-text); cursor: pointer; }
nav.trail ol { gap: .25rem; font-size: .9rem; color: var(--muted); margin: .5rem 0; }
nav.trail li + li::before { content: "›"; margin: 0 .35rem; }
h1 { font-size: clamp(1.6rem, 1.2rem + 2vw, 2.2rem); line-height: 1.25; margin: 1rem 0 .25rem; overflow-wrap: anywhere; }
h2 { margin-top: 2rem; line-height: 1.3; }
.kind { color: var(--muted); margin: 0 0 1rem; }
.lead { font-size: 1.15rem; }
dl.fields { display: grid; grid-template-columns: minmax(7rem, 12rem) minmax(0, 1fr); gap: .5rem 1rem; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; min-width: 0; }
dl.fields dd ul, dl.fields dd ol { margin: 0; padding-left: 1.1rem; }
dl.fields dl.fields { margin: 0; }
.iri, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9rem; overflow-wrap: anywhere; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
td time { white-space: nowrap; }
.document h2 { margin-top: 2rem; }
blockquote.lead { margin: 1rem 0; padding: .25rem 0 .25rem 1rem; border-left: 4px solid var(--accent); }
.document .para { margin: .75rem 0; }
.document .para .para { margin-left: 1.25rem; }
.document .number { font-weight: 600; margin-right: .5rem; }
.document .refs { font-size: .9rem; color: var(--muted); margin: .25rem 0 0; }
.flow { border: 1px solid var(--line); border-radius: .5rem; margin: 1rem 0; padding: 0 1rem 1rem; }
.flow > h3 { margin: 0 -1rem .75rem; padding: .5rem 1rem; background: var(--accent); color: var(--accent-text); border-radius: .5rem .5rem 0 0; }
.flow > h3 a { color: var(--accent-text); }
.flow ol { list-style: none; margin: 0; padding: 0; }
.flow .columns, .flow li.chain { display: grid; grid-template-columns: 8.5rem minmax(0, 1fr) minmax(0, 1fr); gap: .5rem; }
.flow .columns { font-size: .85rem; color: var(--muted); font-weight: 600; }
.flow li.chain { padding: .4rem 0; border-top: 1px solid var(--line); }
.chip { display: inline-block; max-width: 100%; margin: .1rem .25rem .1rem 0; padding: .05rem .5rem; border-radius: 1rem; background: var(--soft); border: 1px solid var(--line); }
ul.chips { display: inline; list-style: none; margin: 0; padding: 0; }
ul.chips li { display: inline-block; max-width: 100%; }
.text { white-space: pre-line; }
.arrow::before { content: "→ "; color: var(--muted); }
ol.timeline { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 3px solid var(--accent); }
ol.timeline > li { position: relative; margin: 0 0 .75rem; padding-left: .75rem; }
ol.timeline > li::before { content: ""; position: absolute; left: -1.6rem; top: .45rem; width: .75rem; height: .75rem; border-radius: 50%; background: var(--accent); border: 2px solid #fff; }
ol.timeline .year { font-weight: 700; font-size: 1.1rem; }
ol.timeline ul { margin: .1rem 0 0; padding-left: 0; list-style: none; }
ol.timeline time { font-weight: 600; margin-right: .5rem; font-variant-numeric: tabular-nums; }
ol.timeline .gap { color: var(--muted); font-size: .85rem; font-style: italic; }
.legend { color: var(--muted); font-size: .9rem; }
.claim + .claim { margin-top: .6rem; padding-top: .6rem; border-top: 1px dashed var(--line); }
.claim-words { color: var(--muted); font-size: .9rem; margin-top: .15rem; }
.claim .citations { margin: .15rem 0 0; font-size: .9rem; }
.claim-note { font-size: .85rem; color: var(--muted); }
.inferred { font-size: .8rem; border: 1px solid var(--line); border-radius: .25rem; padding: 0 .3rem; white-space: nowrap; }
.state { display: inline-block; padding: 0 .4rem; border-radius: .25rem; border: 1px solid var(--line); background: var(--soft); font-size: .85rem; white-space: nowrap; }
.state-under-way { background: #fff4d6; }
.state-done { background: #dff3e4; }
ul.evidence { list-style: none; margin: 0; padding: 0; }
ul.evidence li + li { margin-top: .5rem; }
ul.evidence blockquote { margin: .25rem 0 0 1rem; font-size: .85rem; color: var(--muted); }
ul.states li { margin-right: 1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); gap: .75rem; list-style: none; margin: 1rem 0; padding: 0; }
.cards.compact { grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); }
.cards > li { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; background: var(--soft); min-width: 0; }
.cards > li > a { font-weight: 600; }
.cards .count { display: block; color: var(--muted); font-size: .9rem; }
.downloads { list-style: none; margin: .5rem 0 1rem; padding: 0; }
.downloads > li { padding: .5rem 0; border-top: 1px solid var(--line); min-width: 0; }
.downloads .meta { display: block; color: var(--muted); font-size: .9rem; }
.downloads .sha { display: block; font-size: .8rem; color: var(--muted); }
.box { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: 1.5rem 0; background: var(--soft); }
.box h2 { margin: 0 0 .5rem; font-size: 1.1rem; }
.box p { margin: .25rem 0; }
.citations { padding-left: 1.1rem; }
.citations li { margin: .35rem 0; }
q.quoted { font-style: italic; }
.pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem 1rem; margin: 1.5rem 0; padding: .75rem 0; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 0 2rem; align-items: start; }
.chart { margin: 1rem 0; }
.chart caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
.chart th { font-weight: 400; width: 40%; }
.chart td.bar { width: 60%; }
.chart .bar span { display: inline-block; height: 1rem; background: var(--accent); vertical-align: middle; margin-right: .5rem; min-width: 2px; }
button.sort { background: none; border: none; color: var(--link); padding: 0; font-weight: 600; text-decoration: underline; text-align: left; }
.results { list-style: none; padding: 0; }
.results li { padding: .5rem 0; border-top: 1px solid var(--line); }
.results .snippet { display: block; color: var(--muted); font-size: .9rem; }
@media (max-width: 40rem) {
  dl.fields, .flow li.chain, .flow .columns { grid-template-columns: minmax(0, 1fr); }
  .flow .columns { display: none; }
  .flow .arrow::before { content: "→ " attr(data-label) ":"; display: block; font-size: .85rem; }
  table.list thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.list, table.list tbody, table.list tr, table.list th, table.list td { display: block; }
  table.list tr { border-top: 1px solid var(--line); padding: .5rem 0; }
  table.list th, table.list td { border: none; padding: .1rem 0; }
  table.list td:empty { display: none; }
  table.list td::before { content: attr(data-label) ": "; color: var(--muted); }
  input[type="search"] { width: 9rem; }
}
@media print {
  header.site nav, header.site form, nav.trail, .skip, footer.site a, .pager { display: none; }
  body { font-size: 11pt; }
  a { color: inherit; }
  main a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; }
  .flow, .para { break-inside: avoid; }
  .flow > h3 { background: none; color: var(--text); border-bottom: 2px solid var(--text); }
  .flow > h3 a { color: var(--text); }
}
`;
