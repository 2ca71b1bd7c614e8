/**
 * The visual overview: how the partnership's pillars lead to paragraphs, the
 * paragraphs to the agreements they cite and the agreements to the organisations
 * party to them, as plain HTML and CSS; and a timeline of the events from the
 * first year to the last, as an inline SVG with the same events listed as text.
 * The chain names kinds of the schemas; which records it shows comes from the data.
 */
import type { EntityRecord } from '../../model/catalog.js';
import { recordsOf } from '../../model/catalog.js';
import { referredRecords, referringRecords, type SiteContext } from '../../compile/site/context.js';
import { entityLink } from './links.js';
import { type Html, html } from './html.js';
import { entityPagePath, OVERVIEW_PATH, relativeHref } from './paths.js';
import { compareText } from '../../util/compare.js';

/** The kinds the overview follows, each related to the next by a reference either way. */
export const OVERVIEW_CHAIN = ['pillar', 'paragraph', 'agreement', 'organisation'] as const;

const TIMELINE_KIND = 'event';

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

/** A kind in the plural, in words: its table's name (`agreements`), which the schemas already give. */
function kindPlural(site: SiteContext, kind: string): string {
  return (site.schemas.byKind.get(kind)?.table ?? kind).replace(/_/g, ' ');
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
<p class="legend">${paragraphs.length} ${kindPlural(site, paragraphKind)}; ${rows.length} of them cite ${kindPlural(site, agreementKind)}.</p>
${
  rows.length > 0
    ? html`<ol>
${rows.map(({ paragraph, agreements }) => {
  const organisations: EntityRecord[] = [];
  for (const agreement of agreements) {
    for (const organisation of related(site, agreement, organisationKind)) if (!organisations.includes(organisation)) organisations.push(organisation);
  }
  return html`<li class="chain"><div>${entityLink(site, OVERVIEW_PATH, paragraph.id)}</div><div class="arrow">${chips(site, agreements, kindPlural(site, agreementKind))}</div><div class="arrow">${chips(site, organisations, kindPlural(site, organisationKind))}</div></li>
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

const WIDTH = 800;
const MARGIN = 30;
const AXIS_Y = 100;

function timeline(site: SiteContext): Html {
  const events = datedRecords(site);
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return html``;
  const from = Math.floor(first.at);
  const to = Math.floor(last.at) + 1;
  const x = (at: number) => MARGIN + ((at - from) / Math.max(to - from, 1)) * (WIDTH - 2 * MARGIN);
  const decades: number[] = [];
  for (let year = Math.ceil(from / 10) * 10; year <= to; year += 10) decades.push(year);
  const ticks = [from, ...decades.filter((y) => y - from >= 3 && Math.floor(last.at) - y >= 3), Math.floor(last.at)];
  // Events in the same year stack upwards, so none hides another.
  const perYear = new Map<number, number>();
  const dots = events.map((event) => {
    const year = Math.floor(event.at);
    const stack = perYear.get(year) ?? 0;
    perYear.set(year, stack + 1);
    return { event, cx: x(event.at), cy: AXIS_Y - 14 - stack * 12 };
  });
  const height = AXIS_Y + 30;
  const top = Math.min(...dots.map((d) => d.cy)) - 10;
  const label = `Timeline of ${events.length} events from ${first.date.slice(0, 4)} to ${last.date.slice(0, 4)}`;
  return html`<section class="timeline" aria-labelledby="timeline">
<h2 id="timeline">Timeline, ${first.date.slice(0, 4)}–${last.date.slice(0, 4)}</h2>
<svg role="img" aria-labelledby="timeline-title" aria-describedby="timeline-desc" viewBox="0 ${Math.min(0, top)} ${WIDTH} ${height - Math.min(0, top)}" xmlns="http://www.w3.org/2000/svg">
<title id="timeline-title">${label}</title>
<desc id="timeline-desc">Each dot is an event, placed by its date; the list below names them in order.</desc>
<line x1="${MARGIN}" y1="${AXIS_Y}" x2="${WIDTH - MARGIN}" y2="${AXIS_Y}" stroke="#1a1a1a" stroke-width="2"/>
${ticks.map(
  (year) => html`<g><line x1="${x(year).toFixed(1)}" y1="${AXIS_Y - 5}" x2="${x(year).toFixed(1)}" y2="${AXIS_Y + 5}" stroke="#1a1a1a"/><text x="${x(year).toFixed(1)}" y="${AXIS_Y + 20}" text-anchor="middle">${year}</text></g>
`,
)}${dots.map(
  ({ event, cx, cy }) => html`<a href="${relativeHref(OVERVIEW_PATH, entityPagePath(event.record.id))}"><circle cx="${cx.toFixed(1)}" cy="${cy}" r="5"><title>${event.date}: ${site.labels.label(event.record)}</title></circle></a>
`,
)}</svg>
<ol>
${events.map((event) => html`<li><time datetime="${event.date}">${event.date}</time>${entityLink(site, OVERVIEW_PATH, event.record.id)}</li>\n`)}</ol>
</section>
`;
}

export function overviewBody(site: SiteContext): Html {
  const [pillarKind = ''] = OVERVIEW_CHAIN;
  const names = OVERVIEW_CHAIN.map((kind) => kindPlural(site, kind));
  return html`<h1>Overview</h1>
<p>How the ${names[0]} lead to ${names[1]}, the ${names[1]} to the ${names[2]} they cite, and the ${names[2]} to the ${names[3]} party to them; then the events in time. Every name links to its page.</p>
<section aria-labelledby="flows"><h2 id="flows">From ${names[0]} to ${names[3]}</h2>
${recordsOf(site.catalog, pillarKind).map((pillar) => pillarFlow(site, pillar))}</section>
${timeline(site)}`;
}
