/**
 * `site/tracker.html`: every commitment of the founding statement, grouped by the
 * pillar its paragraph serves (or, outside the pillars, by its section), in the
 * document's order, each with the furthest state its evidence reaches and every
 * piece of evidence: state, date, source and the source's own words. It names kinds
 * and properties of the schemas; which records it shows comes from the data.
 */
import type { EntityRecord } from '../../model/catalog.js';
import { recordsOf } from '../../model/catalog.js';
import type { PropertyInfo } from '../../schema/model.js';
import type { Publisher } from '../types.js';
import type { Catalog } from '../../model/catalog.js';
import { referredRecords, type SiteContext } from '../../compile/site/context.js';
import { type Html, html } from './html.js';
import { codeLabel } from '../../compile/site/labels.js';
import { renderPage } from './layout.js';
import { entityLink } from './links.js';
import { entityPagePath, relativeHref, TRACKER_PATH } from './paths.js';
import { HTML_MEDIA_TYPE } from '../media-types.js';

const COMMITMENT_KIND = 'commitment';
const PARAGRAPH_KIND = 'paragraph';
/** The commitment's list of status claims, and in each claim the state it gives. */
const EVIDENCE_PROPERTY = 'status';
const STATE_PROPERTY = 'value';
/** Where a commitment is grouped: the pillar its paragraph serves, else the section holding it. */
const GROUP_KINDS = ['pillar', 'section'] as const;

interface Evidence {
  state: string;
  /** The state is the curators' reading of the source's words, not what they say. */
  inferred: boolean;
  date?: string;
  statedAs?: string;
  sources: string[];
  note?: string;
}

function evidenceOf(commitment: EntityRecord): Evidence[] {
  const raw = commitment.fields[EVIDENCE_PROPERTY];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    if (entry === null || typeof entry !== 'object') return [];
    const fields = entry as Record<string, unknown>;
    const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
    const sources = Array.isArray(fields.sources) ? fields.sources.filter((s): s is string => typeof s === 'string') : [];
    const evidence: Evidence = { state: text(STATE_PROPERTY) ?? '', inferred: fields.inferred === true, sources };
    for (const key of ['date', 'statedAs', 'note'] as const) {
      const value = text(key);
      if (value !== undefined) evidence[key] = value;
    }
    return [evidence];
  });
}

/** The states in the schema's order, from the first (announced) to the furthest (done). */
export function stateOrder(site: SiteContext): string[] {
  const evidence: PropertyInfo | undefined = site.schemas.byKind.get(COMMITMENT_KIND)?.properties.find((p) => p.name === EVIDENCE_PROPERTY);
  return evidence?.object?.properties.find((p) => p.name === STATE_PROPERTY)?.enum ?? [];
}

/** The furthest state any evidence reaches (a later state needs a source; one is enough). */
export function furthestState(evidence: readonly Evidence[], order: readonly string[]): string | undefined {
  let furthest: string | undefined;
  for (const { state } of evidence) if (furthest === undefined || order.indexOf(state) > order.indexOf(furthest)) furthest = state;
  return furthest;
}

/** The first record of `kind` up the nesting from `record` (its paragraph, that paragraph's parent, ...). */
function upwards(site: SiteContext, record: EntityRecord, kind: string): EntityRecord | undefined {
  for (let at: EntityRecord | undefined = record; at; at = at.parent ? site.catalog.byId.get(at.parent) : undefined) {
    const [found] = referredRecords(site, at, kind);
    if (found) return found;
  }
  return undefined;
}

interface Group {
  heading: EntityRecord | undefined;
  rows: { commitment: EntityRecord; paragraph: EntityRecord | undefined }[];
}

/** Where the commitment's excerpt (its `x-excerpt-of` text) starts in its paragraph's text, so a paragraph's commitments read in its order. */
function placeInText(site: SiteContext, commitment: EntityRecord, paragraph: EntityRecord | undefined): number {
  const excerpt = site.schemas.byKind.get(commitment.kind)?.properties.find((p) => p.excerptOf);
  const text = excerpt?.excerptOf ? paragraph?.fields[excerpt.excerptOf.property] : undefined;
  const words = excerpt ? commitment.fields[excerpt.name] : undefined;
  const found = typeof text === 'string' && typeof words === 'string' ? text.indexOf(words) : -1;
  return found < 0 ? Infinity : found;
}

/** Commitments grouped in document order: paragraphs in catalog order, commitments in file order within one. */
function groups(site: SiteContext): Group[] {
  const position = new Map(site.catalog.records.map((record, index) => [record.id, index]));
  const at = (paragraph: EntityRecord | undefined) => position.get(paragraph?.id ?? '') ?? Infinity;
  const rows = recordsOf(site.catalog, COMMITMENT_KIND)
    .map((commitment, index) => {
      const paragraph = referredRecords(site, commitment, PARAGRAPH_KIND)[0];
      return { commitment, paragraph, inText: placeInText(site, commitment, paragraph), index };
    })
    .sort((a, b) => at(a.paragraph) - at(b.paragraph) || a.inText - b.inText || a.index - b.index);
  const out: Group[] = [];
  for (const { commitment, paragraph } of rows) {
    const heading = paragraph ? GROUP_KINDS.map((kind) => upwards(site, paragraph, kind)).find(Boolean) : undefined;
    let group = out.find((g) => g.heading === heading);
    if (!group) {
      group = { heading, rows: [] };
      out.push(group);
    }
    group.rows.push({ commitment, paragraph });
  }
  return out;
}

/** "Pillar I: <title>", "Section: <title>": the kind, the numeral where the record has one, and a link. */
function groupHeading(site: SiteContext, record: EntityRecord): Html {
  const notation = record.fields.notation;
  const name = `${site.labels.kindTitle(record)}${typeof notation === 'string' ? ` ${notation}` : ''}`;
  return html`${name}: ${entityLink(site, TRACKER_PATH, record.id)}`;
}

function stateBadge(state: string | undefined): Html {
  return state ? html`<span class="state state-${state}">${codeLabel(state)}</span>` : html``;
}

function evidenceList(site: SiteContext, evidence: readonly Evidence[]): Html {
  return html`<ul class="evidence">${evidence.map(
    (e) =>
      html`<li>${stateBadge(e.state)}${e.inferred ? html` <span class="legend">(curators’ reading)</span>` : ''}${e.date ? html` <time datetime="${e.date}">${e.date}</time>` : ''} — ${e.sources.map((id, i) => html`${i > 0 ? ', ' : ''}${entityLink(site, TRACKER_PATH, id)}`)}${
        e.statedAs ? html`<blockquote>${e.statedAs}</blockquote>` : ''
      }${e.note ? html`<p class="legend">${e.note}</p>` : ''}</li>`,
  )}</ul>`;
}

export function trackerBody(site: SiteContext): Html {
  const order = stateOrder(site);
  const all = groups(site);
  const count = new Map<string, number>();
  let total = 0;
  for (const group of all) {
    for (const { commitment } of group.rows) {
      const state = furthestState(evidenceOf(commitment), order) ?? '';
      count.set(state, (count.get(state) ?? 0) + 1);
      total += 1;
    }
  }
  const summary = order.map((state) => html`<li>${stateBadge(state)} ${count.get(state) ?? 0}</li>`);
  return html`<h1>Commitment tracker</h1>
<p>${total} commitments, each in the words of its paragraph, with the furthest state a source reports and every piece of evidence: the state, its date, the source and the source's own words. A later state is shown only where a source reports it; where the state is the curators' reading of those words, the evidence says so.</p>
<ul aria-label="Commitments by furthest state" class="chips states">${summary}</ul>
${all.map((group, index) => {
  const headingId = `group-${index + 1}`;
  return html`<section aria-labelledby="${headingId}">
<h2 id="${headingId}">${group.heading ? groupHeading(site, group.heading) : 'Other'}</h2>
<table class="tracker">
<thead><tr><th scope="col">Paragraph</th><th scope="col">Commitment</th><th scope="col">State</th><th scope="col">Evidence</th></tr></thead>
<tbody>
${group.rows.map(({ commitment, paragraph }) => {
  const evidence = evidenceOf(commitment);
  return html`<tr><td>${paragraph ? entityLink(site, TRACKER_PATH, paragraph.id) : ''}</td><td><a href="${relativeHref(TRACKER_PATH, entityPagePath(commitment.id))}">${site.labels.label(commitment)}</a></td><td>${stateBadge(furthestState(evidence, order))}</td><td>${evidenceList(site, evidence)}</td></tr>
`;
})}</tbody>
</table>
</section>
`;
})}`;
}

/** The tracker page: only where the schemas define commitments and the data holds some. */
/** The tracker is made when there are commitments to track. */
export function hasTracker(catalog: Catalog): boolean {
  return recordsOf(catalog, COMMITMENT_KIND).length > 0;
}

export const siteTracker: Publisher = {
  name: 'site-tracker',
  async publish({ site }, sink) {
    if (!hasTracker(site.catalog)) return;
    const body = trackerBody(site);
    await sink.add({
      path: TRACKER_PATH,
      content: renderPage({
        lang: site.lang,
        siteName: site.siteName,
        path: TRACKER_PATH,
        title: 'Commitment tracker',
        body,
        trail: [{ label: 'Commitment tracker' }],
      }),
      mediaType: HTML_MEDIA_TYPE,
    });
  },
};
