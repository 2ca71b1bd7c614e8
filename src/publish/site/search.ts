/**
 * Site-wide search with no server: a small index of every record (its name, kind
 * and words), made at build time, and a few lines of script on the search page
 * that read it and list the records matching every word typed. Any static host
 * serves it; without JavaScript the page points to the list pages instead.
 */
import type { EntityRecord } from '../../model/catalog.js';
import type { PropertyInfo } from '../../schema/model.js';
import type { SiteContext } from '../../compile/site/context.js';
import { type Html, html } from './html.js';
import { listPagePaths } from './lists.js';
import { entityPagePath, relativeHref, SEARCH_INDEX_PATH, SEARCH_PATH, SITE_DIR } from './paths.js';

/** One record in the index: short keys, as the file is fetched whole. */
export interface SearchEntry {
  /** Name (the record's label). */
  t: string;
  /** Kind, in words. */
  k: string;
  /** Page, relative to the site's root. */
  u: string;
  /** Its other words: texts, descriptions, other names, notes. */
  x: string;
}

/** Words worth finding: free text, not ids, codes (a pattern without spaces), dates, links or references. */
function isWords(property: PropertyInfo): boolean {
  if (
    property.valueType !== 'string' ||
    property.refKinds ||
    property.nested ||
    property.enum ||
    property.format !== undefined ||
    property.rdf?.iri
  )
    return false;
  return property.pattern === undefined || new RegExp(property.pattern).test('a b');
}

function wordsOf(site: SiteContext, record: EntityRecord): string {
  const kind = site.labels.kindOf(record);
  const texts: string[] = [];
  for (const property of kind?.properties ?? []) {
    if (property.name === kind?.labelProperty || !isWords(property)) continue;
    const value = record.fields[property.name];
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') texts.push(item);
  }
  return texts.join(' ').replace(/\s+/g, ' ');
}

export function searchIndex(site: SiteContext): SearchEntry[] {
  return site.catalog.records.map((record) => ({
    t: site.labels.label(record),
    k: site.labels.kindTitle(record),
    u: relativeHref(`${SITE_DIR}/index.html`, entityPagePath(record.id)),
    x: wordsOf(site, record),
  }));
}

export function searchIndexJson(site: SiteContext): string {
  return `${JSON.stringify(searchIndex(site))}\n`;
}

export function searchBody(site: SiteContext): Html {
  const lists = [...listPagePaths(site)];
  return html`<h1>Search</h1>
<form id="search-form" role="search" aria-label="Search page" action="${relativeHref(SEARCH_PATH, SEARCH_PATH)}" data-index="${relativeHref(SEARCH_PATH, SEARCH_INDEX_PATH)}">
<label for="search-q">Words to find in names and texts</label>
<input id="search-q" type="search" name="q"> <button type="submit">Search</button>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="results"></ol>
<noscript><p>Searching needs JavaScript. Without it, every record is on a list page:</p></noscript>
<section aria-labelledby="lists"><h2 id="lists">Or browse a list</h2>
<ul class="cards compact">${lists.map(([kind, path]) => html`<li><a href="${relativeHref(SEARCH_PATH, path)}">${site.labels.kindPlural(kind)}</a></li>`)}</ul>
</section>
`;
}

/**
 * The search page's script: reads `?q=`, fetches the index and lists the records
 * that contain every word, those with the words in their name first. Written as
 * text (it runs in the browser, not here) and kept small.
 */
export const SEARCH_SCRIPT = `"use strict";
(function () {
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;
  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  input.value = query;
  if (query === "") { status.textContent = "Type a word and press Search."; return; }
  var words = query.toLowerCase().split(/\\s+/);
  status.textContent = "Searching…";
  fetch(form.getAttribute("data-index")).then(function (response) { return response.json(); }).then(function (index) {
    var found = [];
    index.forEach(function (entry) {
      var name = entry.t.toLowerCase();
      var text = entry.x.toLowerCase();
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        if (name.indexOf(words[i]) >= 0) score += 2;
        else if (text.indexOf(words[i]) >= 0) score += 1;
        else return;
      }
      found.push({ entry: entry, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score; });
    status.textContent = found.length === 0 ? "Nothing found for “" + query + "”." : found.length + (found.length === 1 ? " record" : " records") + " found for “" + query + "”.";
    found.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.entry.u;
      link.textContent = hit.entry.t;
      var kind = document.createElement("span");
      kind.className = "legend";
      kind.textContent = " · " + hit.entry.k;
      item.appendChild(link);
      item.appendChild(kind);
      var at = hit.entry.x.toLowerCase().indexOf(words[0]);
      if (at >= 0) {
        var snippet = document.createElement("span");
        snippet.className = "snippet";
        var start = at > 60 ? hit.entry.x.indexOf(" ", at - 60) + 1 : 0;
        if (start > at) start = at - 60;
        snippet.textContent = (start > 0 ? "…" : "") + hit.entry.x.slice(start, at + 100) + (at + 100 < hit.entry.x.length ? "…" : "");
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
  }).catch(function () { status.textContent = "The search index could not be loaded."; });
})();
`;
