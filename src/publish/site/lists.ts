/**
 * A list page per kind of record: a table of every record with the few facts that
 * tell them apart (codes such as kind and status, dates, the records they name),
 * chosen from the schema, so a new kind gets its list with no change here. The
 * page sits at the folder its records' ids share (`agreement/`, `org/`,
 * `joint-statement/para/`), so the IRI path above an entity answers too.
 */
import { type EntityRecord, recordsOf } from '../../model/catalog.js';
import type { KindInfo, PropertyInfo } from '../../schema/model.js';
import { claimValue, idsOf, plainValues, type SiteContext, valueInfo } from '../../compile/site/context.js';
import { type Html, html, joinHtml } from './html.js';
import { codeLabel, propertyLabel, shortLabel } from '../../compile/site/labels.js';
import { entityLink } from './links.js';
import { entityPagePath } from './paths.js';

const listPaths = new WeakMap<SiteContext['catalog'], Map<string, string>>();

/** The folder every id of the list shares (`joint-statement/para`), or '' when they share none. */
function sharedFolder(ids: readonly string[]): string {
  const folders = ids.map((id) => id.split('/').slice(0, -1));
  const first = folders[0] ?? [];
  let length = first.length;
  for (const folder of folders) {
    let same = 0;
    while (same < length && folder[same] === first[same]) same += 1;
    length = same;
  }
  return first.slice(0, length).join('/');
}

/**
 * Where each kind with records has its list page. The shared folder of its ids when
 * there is one and no record has it as its id; else the kind's table name (`documents`);
 * else below `lists/`.
 */
export function listPagePaths(site: SiteContext): Map<string, string> {
  let paths = listPaths.get(site.catalog);
  if (paths) return paths;
  paths = new Map();
  const taken = new Set(site.catalog.records.map((record) => record.id));
  for (const kind of site.schemas.kinds) {
    const records = recordsOf(site.catalog, kind.kind);
    // The dataset's own record is described on the landing page, not listed.
    if (records.length === 0 || kind.kind === site.dataset.record.kind) continue;
    const folder = sharedFolder(records.map((record) => record.id));
    const candidates = [folder, kind.table, `lists/${kind.table}`].filter((c) => c !== '' && !taken.has(c));
    const chosen = candidates[0] ?? `lists/${kind.kind}`;
    taken.add(chosen);
    paths.set(kind.kind, entityPagePath(chosen));
  }
  listPaths.set(site.catalog, paths);
  return paths;
}

export function listPagePath(site: SiteContext, kind: string): string | undefined {
  return listPagePaths(site).get(kind);
}

const MAX_COLUMNS = 5;
const MAX_DATES = 2;

function isDate(property: PropertyInfo): boolean {
  return property.format === 'partial-date' || property.format === 'date';
}

/** The text a record is read for (a paragraph's words): the property published as `schema:text`. */
export function textProperty(kind: KindInfo): PropertyInfo | undefined {
  return kind.properties.find((p) => p.name !== kind.labelProperty && p.rdf?.predicates.includes('schema:text'));
}

/**
 * The columns that tell the records apart: codes, then the first dates, then
 * references to other records (lists such as parties first; not their sources, nor
 * the nesting), up to a few.
 */
export function listColumns(kind: KindInfo): PropertyInfo[] {
  const candidates = kind.properties.filter((p) => p.name !== 'id' && p.name !== kind.labelProperty && p.name !== 'sources' && !p.nested);
  // One value a record, or claims of one (read as their values).
  const single = (p: PropertyInfo) => !p.array || claimValue(p) !== undefined;
  const codes = candidates.filter((p) => valueInfo(p).enum && single(p));
  const dates = candidates.filter((p) => isDate(valueInfo(p)) && single(p)).slice(0, MAX_DATES);
  const references = candidates.filter((p) => valueInfo(p).refKinds && !p.derived).sort((a, b) => Number(b.array) - Number(a.array));
  return [...codes, ...dates, ...references].slice(0, MAX_COLUMNS);
}

function cell(site: SiteContext, from: string, record: EntityRecord, property: PropertyInfo): Html {
  const info = valueInfo(property);
  if (info.refKinds)
    return joinHtml(
      idsOf(record, property).map((id) => entityLink(site, from, id)),
      ', ',
    );
  return joinHtml(
    plainValues(record, property).map((value) => {
      if (info.enum) return html`${codeLabel(String(value))}`;
      if (isDate(info)) return html`<time datetime="${String(value)}">${String(value)}</time>`;
      return html`${String(value)}`;
    }),
    ', ',
  );
}

/** Names in English order, numbers by value; one collator, as localeCompare with options makes one per call. */
const BY_NAME = new Intl.Collator('en', { numeric: true });

/** A list in reading order for nested records (paragraphs as in their document); by name for the others. */
function listed(site: SiteContext, kind: KindInfo): EntityRecord[] {
  const records = recordsOf(site.catalog, kind.kind);
  if (records.some((record) => record.parent !== undefined)) return records;
  return records
    .map((record) => ({ record, label: site.labels.label(record) }))
    .sort((a, b) => BY_NAME.compare(a.label, b.label))
    .map(({ record }) => record);
}

export function listBody(site: SiteContext, kind: KindInfo, path: string): Html {
  const records = listed(site, kind);
  const columns = listColumns(kind);
  const text = textProperty(kind);
  const title = site.labels.kindPlural(kind.kind);
  const tableId = `list-${kind.kind}`;
  return html`<h1>${title}</h1>
<p class="lead">${records.length} ${records.length === 1 ? kind.title.toLowerCase() : title.toLowerCase()}, each with its own page.</p>
<p class="legend" id="${tableId}-about">Type in the box to narrow the list; select a column heading to sort by it (both need JavaScript).</p>
<div class="table-scroll" role="region" aria-labelledby="${tableId}-caption" tabindex="0">
<table id="${tableId}" class="list" data-filterable>
<caption id="${tableId}-caption" class="visually-hidden">${title}</caption>
<thead><tr><th scope="col">${propertyLabel(kind.labelProperty)}</th>${columns.map((p) => html`<th scope="col">${propertyLabel(p.name)}</th>`)}${text ? html`<th scope="col">${propertyLabel(text.name)}</th>` : ''}</tr></thead>
<tbody>
${records.map(
  (
    record,
  ) => html`<tr><th scope="row">${entityLink(site, path, record.id)}</th>${columns.map((p) => html`<td data-label="${propertyLabel(p.name)}">${cell(site, path, record, p)}</td>`)}${
    text ? html`<td data-label="${propertyLabel(text.name)}">${shortLabel(String(record.fields[text.name] ?? ''))}</td>` : ''
  }</tr>
`,
)}</tbody>
</table>
</div>
`;
}

/** The list pages to publish: path, title and body per kind with records. */
export function listPages(site: SiteContext): { kind: KindInfo; path: string; title: string; body: Html }[] {
  return [...listPagePaths(site)].flatMap(([kind, path]) => {
    const info = site.schemas.byKind.get(kind);
    return info ? [{ kind: info, path, title: site.labels.kindPlural(kind), body: listBody(site, info, path) }] : [];
  });
}

/**
 * The list pages' script: a box that narrows the list to rows containing the words
 * typed, and column headings that sort the rows. The page reads without it.
 */
export const LIST_SCRIPT = `"use strict";
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("table[data-filterable]"), function (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var label = document.createElement("label");
    label.textContent = "Narrow the list ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = table.id + "-filter";
    label.htmlFor = input.id;
    var count = document.createElement("span");
    count.className = "legend";
    count.setAttribute("role", "status");
    var box = document.createElement("p");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(count);
    table.parentNode.parentNode.insertBefore(box, table.parentNode);
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (word) { return text.indexOf(word) >= 0; });
        if (!row.hidden) shown += 1;
      });
      count.textContent = words.length === 0 ? "" : shown + " of " + rows.length + " shown";
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = cell.textContent;
      cell.textContent = "";
      cell.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = cell.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
        cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var sorted = rows.slice().sort(function (a, b) {
          var x = a.cells[column].textContent.trim();
          var y = b.cells[column].textContent.trim();
          if (x === "") return 1;
          if (y === "") return -1;
          var order = x.localeCompare(y, undefined, { numeric: true });
          return ascending ? order : -order;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
`;
