/**
 * The visual overview: how the partnership's pillars lead to paragraphs, the
 * paragraphs to the agreements they cite and the agreements to the organisations
 * party to them, as plain HTML and CSS that reflows to one column on a phone; bar
 * charts of the instruments by their codes and year; and a timeline of the events.
 * The chain names kinds of the schemas; which records it shows comes from the data.
 */
import type { EntityRecord } from '../../model/catalog.js';
import { recordsOf } from '../../model/catalog.js';
import { claimValue, plainValues, referredRecords, referringRecords, type SiteContext, valueInfo } from '../../compile/site/context.js';
import { entityLink } from './links.js';
import { type Html, html } from './html.js';
import { codeLabel, propertyLabel } from '../../compile/site/labels.js';
import { entityPagePath, OVERVIEW_PATH, relativeHref } from './paths.js';
import { compareText } from '../../util/compare.js';

/** The kinds the overview follows, each related to the next by a reference either way. */
export const OVERVIEW_CHAIN = ['pillar', 'paragraph', 'agreement', 'organisation'] as const;

const TIMELINE_KIND = 'event';

/** "1 event", "3 events". */
function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Records of `kind` related to `record`: those it refers to, then those that refer to it. */
function related(site: SiteContext, record: EntityRecord, kind: string): EntityRecord[] {
  const out = referredRecords(site, record, kind);
  for (const other of referringRecords(site, record.id, kind)) if (!out.includes(other)) out.push(other);
  return out;
}

function chips(site: SiteContext, records: readonly EntityRecord[], label: string): Html {
  if (records.length === 0) return html`<span class="legend">no ${label} named</span>`;
  return html`<ul aria-label="${label}" class="chips">${records.map((r) => html`<li class="chip">${entityLink(site, OVERVIEW_PATH, r.id)}</li>`)}</ul>`;
}

/** A kind in the plural, in lower case for running text. */
function kindPlural(site: SiteContext, kind: string): string {
  return site.labels.kindPlural(kind).toLowerCase();
}

function pillarFlow(site: SiteContext, pillar: EntityRecord): Html {
  const [, paragraphKind = '', agreementKind = '', organisationKind = ''] = OVERVIEW_CHAIN;
  const paragraphs = related(site, pillar, paragraphKind);
  const rows = paragraphs
    .map((paragraph) => ({ paragraph, agreements: related(site, paragraph, agreementKind) }))
    .filter((row) => row.agreements.length > 0);
  const headingId = `flow-${pillar.id.replace(/[^a-z0-9]+/g, '-')}`;
  return html`<section class="flow" aria-labelledby="${headingId}">
<h3 id="${headingId}"><a href="${relativeHref(OVERVIEW_PATH, entityPagePath(pillar.id))}">${site.labels.label(pillar)}</a></h3>
<p class="legend">${counted(paragraphs.length, (site.schemas.byKind.get(paragraphKind)?.title ?? paragraphKind).toLowerCase(), kindPlural(site, paragraphKind))}; ${rows.length} of them cite ${kindPlural(site, agreementKind)}.</p>
${
  rows.length > 0
    ? html`<div class="columns" aria-hidden="true"><span>${site.labels.kindPlural(paragraphKind)}</span><span>${site.labels.kindPlural(agreementKind)} cited</span><span>${site.labels.kindPlural(organisationKind)} party to them</span></div>
<ol>
${rows.map(({ paragraph, agreements }) => {
  const organisations: EntityRecord[] = [];
  for (const agreement of agreements) {
    for (const organisation of related(site, agreement, organisationKind))
      if (!organisations.includes(organisation)) organisations.push(organisation);
  }
  return html`<li class="chain"><div>${entityLink(site, OVERVIEW_PATH, paragraph.id)}</div><div class="arrow" data-label="${site.labels.kindPlural(agreementKind)} cited">${chips(site, agreements, kindPlural(site, agreementKind))}</div><div class="arrow" data-label="${site.labels.kindPlural(organisationKind)} party to them">${chips(site, organisations, kindPlural(site, organisationKind))}</div></li>
`;
})}</ol>`
    : ''
}</section>
`;
}

/** A dated record on the timeline: its year as a number with the month as a fraction. */
interface Dated {
  record: EntityRecord;
  date: string;
  at: number;
}

function datedRecords(site: SiteContext): Dated[] {
  const kind = site.schemas.byKind.get(TIMELINE_KIND);
  const dateProperty = kind?.properties.find((p) => p.format === 'partial-date' || p.format === 'date');
  if (!dateProperty) return [];
  return recordsOf(site.catalog, TIMELINE_KIND)
    .flatMap((record) => {
      const date = record.fields[dateProperty.name];
      if (typeof date !== 'string') return [];
      const [year = 0, month = 1] = date.split('-').map(Number);
      return [{ record, date, at: year + (month - 1) / 12 }];
    })
    .sort((a, b) => a.at - b.at || compareText(a.date, b.date));
}

function yearOf(dated: Dated): string {
  return dated.date.slice(0, 4);
}

/**
 * The events in time, as text a reader can scan at any width: a vertical line with
 * a mark per year, each year's events listed under it with their dates. (A drawn axis
 * from the first year to the last squeezed the recent, busy years into one spot.)
 */
function timeline(site: SiteContext): Html {
  const events = datedRecords(site);
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return html``;
  const years = new Map<string, Dated[]>();
  for (const event of events) years.set(yearOf(event), [...(years.get(yearOf(event)) ?? []), event]);
  return html`<section aria-labelledby="timeline">
<h2 id="timeline">Timeline, ${yearOf(first) === yearOf(last) ? yearOf(first) : `${yearOf(first)}–${yearOf(last)}`}</h2>
<p class="legend">${counted(events.length, 'event', 'events')} in ${counted(years.size, 'year', 'years')}, oldest first.</p>
<ol class="timeline">
${[...years].map(
  ([year, dated]) => html`<li><span class="year">${year}</span><ul>${dated.map(
    (event) => html`<li><time datetime="${event.date}">${event.date}</time>${entityLink(site, OVERVIEW_PATH, event.record.id)}</li>`,
  )}</ul></li>
`,
)}</ol>
</section>
`;
}

/** Bars for counts: a table (so it reads as one without styles) with each count drawn to scale. */
export function barChart(caption: string, rows: readonly { label: string; count: number }[]): Html {
  const most = Math.max(1, ...rows.map((row) => row.count));
  return html`<figure class="chart">
<table>
<caption>${caption}</caption>
<thead class="visually-hidden"><tr><th scope="col">Value</th><th scope="col">Number</th></tr></thead>
<tbody>
${rows.map(
  (
    row,
  ) => html`<tr><th scope="row">${row.label}</th><td class="bar"><span style="width: ${((row.count / most) * 80).toFixed(1)}%"></span>${row.count}</td></tr>
`,
)}</tbody>
</table>
</figure>
`;
}

/** Counts of a kind's records by each of its codes (kind, status, ...) and by year of its first date: what people would rather see than read. */
export function kindCharts(site: SiteContext, kind: string): Html {
  const info = site.schemas.byKind.get(kind);
  const records = recordsOf(site.catalog, kind);
  if (!info || records.length === 0) return html``;
  const plural = site.labels.kindPlural(kind);
  const charts: Html[] = [];
  // Codes written once a record, or as claims (a record whose sources disagree counts under each value they state).
  for (const property of info.properties.filter((p) => valueInfo(p).enum && (!p.array || claimValue(p)))) {
    const counts = new Map<string, number>();
    let unstated = 0;
    for (const record of records) {
      const values = plainValues(record, property).filter((v): v is string => typeof v === 'string');
      if (values.length === 0) unstated += 1;
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    // In the schema's order of the codes, so charts of one kind compare across releases.
    const rows = (valueInfo(property).enum ?? [])
      .filter((code) => counts.has(code))
      .map((code) => ({ label: codeLabel(code), count: counts.get(code) ?? 0 }));
    if (unstated > 0) rows.push({ label: 'not stated', count: unstated });
    if (rows.length > 1) charts.push(barChart(`${plural} by ${propertyLabel(property.name).toLowerCase()}`, rows));
  }
  const date = info.properties.find((p) => ['partial-date', 'date'].includes(valueInfo(p).format ?? '') && (!p.array || claimValue(p)));
  if (date) {
    const counts = new Map<string, number>();
    for (const record of records) {
      const [value] = plainValues(record, date);
      if (typeof value === 'string') counts.set(value.slice(0, 4), (counts.get(value.slice(0, 4)) ?? 0) + 1);
    }
    const dated = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([label, count]) => ({ label, count }));
    if (dated.length > 1) {
      charts.push(
        barChart(
          `${plural} by year (${propertyLabel(date.name).toLowerCase()}; ${records.length - dated.reduce((s, r) => s + r.count, 0)} without one)`,
          dated,
        ),
      );
    }
  }
  return html`${charts}`;
}

/** Kinds charted under "In numbers" when they have records: the instruments, and commitments where the data tracks them. */
export const CHARTED_KINDS = [OVERVIEW_CHAIN[2], 'commitment'] as const;

export function overviewBody(site: SiteContext): Html {
  const [pillarKind = ''] = OVERVIEW_CHAIN;
  const names = OVERVIEW_CHAIN.map((kind) => kindPlural(site, kind));
  const charts = CHARTED_KINDS.map((kind) => kindCharts(site, kind));
  return html`<h1>Overview</h1>
<p class="lead">How the ${names[0]} lead to ${names[1]}, the ${names[1]} to the ${names[2]} they cite, and the ${names[2]} to the ${names[3]} party to them; then the ${
    names[2]
  } in numbers and the events in time. Every name links to its page.</p>
<section aria-labelledby="flows"><h2 id="flows">From ${names[0]} to ${names[3]}</h2>
${recordsOf(site.catalog, pillarKind).map((pillar) => pillarFlow(site, pillar))}</section>
${charts.some((chart) => chart.value !== '') ? html`<section aria-labelledby="numbers"><h2 id="numbers">In numbers</h2>\n<div class="charts">${charts}</div></section>\n` : ''}${timeline(site)}`;
}
