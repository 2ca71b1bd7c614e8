/** The frame every page shares: head (title, stylesheet, alternates, JSON-LD), navigation, footer. */
import { type Html, html, jsonForScript } from './html.js';
import { LANDING_PATH, OVERVIEW_PATH, relativeHref, STYLESHEET_PATH, TRACKER_PATH } from './paths.js';

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
}

export function renderPage(page: Page): string {
  const href = (to: string) => relativeHref(page.path, to);
  const trail = page.trail ?? [];
  const document = html`<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title === page.siteName ? page.title : `${page.title} · ${page.siteName}`}</title>
${page.description ? html`<meta name="description" content="${page.description}">\n` : ''}<link rel="stylesheet" href="${href(STYLESHEET_PATH)}">
${(page.alternates ?? []).map((a) => html`<link rel="alternate" type="${a.mediaType}" href="${a.href}">\n`)}${
    page.jsonld ? html`<script type="application/ld+json">${jsonForScript(page.jsonld)}</script>\n` : ''
  }</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<p class="site-name"><a href="${href(LANDING_PATH)}">${page.siteName}</a></p>
<nav aria-label="Site"><ul><li><a href="${href(LANDING_PATH)}">Dataset</a></li><li><a href="${href(OVERVIEW_PATH)}">Overview</a></li><li><a href="${href(TRACKER_PATH)}">Commitments</a></li></ul></nav>
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
<footer class="site"><p>${page.siteName}. <a href="${href(LANDING_PATH)}">About the data, licence and downloads</a>.</p></footer>
</body>
</html>
`;
  return document.value;
}

/**
 * The stylesheet: system fonts, text and link colours with a contrast of at least
 * 7:1 on white, visible focus, and print rules (no navigation, link targets shown).
 */
export const STYLESHEET = `:root {
  --text: #1a1a1a; --muted: #4a4a4a; --link: #0b4f9c; --line: #c8c8c8; --soft: #f3f5f8;
  --accent: #0b4f9c; --accent-text: #ffffff;
}
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
main, header.site, footer.site, nav.trail { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header.site { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; border-bottom: 1px solid var(--line); }
.site-name { font-weight: 600; margin: .75rem 0; }
header.site nav ul, nav.trail ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
nav.trail ol { gap: .25rem; font-size: .9rem; color: var(--muted); margin: .5rem 0; }
nav.trail li + li::before { content: "›"; margin: 0 .35rem; }
h1 { line-height: 1.25; margin: 1rem 0 .25rem; }
.kind { color: var(--muted); margin: 0 0 1rem; }
dl.fields { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .5rem 1rem; }
dl.fields dt { font-weight: 600; }
dl.fields dt .about { display: block; font-weight: 400; font-size: .85rem; color: var(--muted); }
dl.fields dd { margin: 0; }
dl.fields dd ul { margin: 0; padding-left: 1.1rem; }
dl.fields dl.fields { margin: 0; }
.iri, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
.document h2 { margin-top: 2rem; }
.document .para { margin: .75rem 0; }
.document .para .para { margin-left: 2rem; }
.document .number { font-weight: 600; margin-right: .5rem; }
.document .refs { font-size: .9rem; color: var(--muted); margin: .25rem 0 0; }
.flow { border: 1px solid var(--line); border-radius: .5rem; margin: 1rem 0; padding: 0 1rem 1rem; }
.flow > h3 { margin: 0 -1rem .75rem; padding: .5rem 1rem; background: var(--accent); color: var(--accent-text); border-radius: .5rem .5rem 0 0; }
.flow > h3 a { color: var(--accent-text); }
.flow ol { list-style: none; margin: 0; padding: 0; }
.flow li.chain { display: grid; grid-template-columns: 7rem 1fr 1fr; gap: .5rem; padding: .4rem 0; border-top: 1px solid var(--line); }
.chip { display: inline-block; margin: .1rem .25rem .1rem 0; padding: .05rem .5rem; border-radius: 1rem; background: var(--soft); border: 1px solid var(--line); }
ul.chips { display: inline; list-style: none; margin: 0; padding: 0; }
ul.chips li { display: inline-block; }
.text { white-space: pre-line; }
.arrow::before { content: "→ "; color: var(--muted); }
.timeline svg { width: 100%; height: auto; }
.timeline svg text { font-size: 12px; fill: var(--text); }
.timeline svg circle { fill: var(--accent); }
.timeline ol li time { font-weight: 600; margin-right: .5rem; }
.legend { color: var(--muted); font-size: .9rem; }
.state { display: inline-block; padding: 0 .4rem; border-radius: .25rem; border: 1px solid var(--line); background: var(--soft); font-size: .85rem; white-space: nowrap; }
.state-under-way { background: #fff4d6; }
.state-done { background: #dff3e4; }
ul.evidence { list-style: none; margin: 0; padding: 0; }
ul.evidence li + li { margin-top: .5rem; }
ul.evidence blockquote { margin: .25rem 0 0 1rem; font-size: .85rem; color: var(--muted); }
ul.states li { margin-right: 1rem; }
@media (max-width: 40rem) { dl.fields, .flow li.chain { grid-template-columns: 1fr; } }
@media print {
  header.site nav, nav.trail, .skip, footer.site a { display: none; }
  body { font-size: 11pt; }
  a { color: inherit; }
  main a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; }
  .flow, .para { break-inside: avoid; }
  .flow > h3 { background: none; color: var(--text); border-bottom: 2px solid var(--text); }
  .flow > h3 a { color: var(--text); }
}
`;
