/**
 * One page per entity, written for a reader: the key facts first (codes, dates and
 * the records it names), then its texts, the document it is read in, the curators'
 * note, its sources cited in full, who refers to it, and the same record as data
 * with how to cite it. Everything comes from the schema: plain names of the
 * properties, never their contributor-facing descriptions.
 */
import { entityIri } from '../../model/iri.js';
import type { EntityRecord } from '../../model/catalog.js';
import type { PropertyInfo } from '../../schema/model.js';
import { dataPrefixes, expandCurie } from '../../compile/rdf/prefixes.js';
import { citationList, isSourcesProperty, recordCitation } from './citations.js';
import { idsOf, isReference, type SiteContext } from '../../compile/site/context.js';
import { documentBody, neighbours, placeOf } from './document.js';
import { type Html, html, joinHtml } from './html.js';
import { codeLabel, propertyLabel } from '../../compile/site/labels.js';
import { entityLink, externalLink, fullEntityLink } from './links.js';
import { textProperty } from './lists.js';
import { entityPagePath, relativeHref } from './paths.js';

function scalar(site: SiteContext, property: PropertyInfo, value: unknown): Html {
  if (typeof value === 'boolean') return html`${value ? 'yes' : 'no'}`;
  const text = String(value);
  if (property.enum) return html`${codeLabel(text)}`;
  if (property.rdf?.iriPrefix) return externalLink(expandCurie(property.rdf.iriPrefix + text, dataPrefixes(site.baseIri)));
  if (property.format === 'uri' || property.rdf?.iri) return externalLink(text);
  if (property.format === 'partial-date' || property.format === 'date') return html`<time datetime="${text}">${text}</time>`;
  return html`<span class="text">${text}</span>`;
}

/**
 * A fact as a source states it: the value first, then the source's own words and the source cited,
 * the date and the curators' reading or note where there are: a reader sees what is claimed and on
 * what it rests, in that order.
 */
function claimValue(
  site: SiteContext,
  fromPath: string,
  object: NonNullable<PropertyInfo['object']>,
  claim: Record<string, unknown>,
): Html {
  const part = (name: string) => object.properties.find((p) => p.name === name);
  const shown = (name: string) => {
    const property = part(name);
    return property && claim[name] !== undefined ? propertyValue(site, fromPath, property, claim[name]) : undefined;
  };
  const value = shown('value');
  const date = shown('date');
  const words = typeof claim.statedAs === 'string' ? html`<q class="quoted">${claim.statedAs}</q>` : undefined;
  const sources = shown('sources');
  const note = shown('note');
  return html`<div class="claim"><span class="claim-value">${value ?? ''}</span>${date ? html` <span class="claim-date">(${date})</span>` : ''}${
    claim.inferred === true ? html` <span class="inferred">curators’ reading</span>` : ''
  }${words ? html`<div class="claim-words">Stated as ${words}</div>` : ''}${sources ?? ''}${note ? html`<div class="claim-note">${note}</div>` : ''}</div>`;
}

function objectValue(site: SiteContext, fromPath: string, property: PropertyInfo, value: unknown): Html {
  if (!property.object || value === null || typeof value !== 'object') return html`${String(value)}`;
  if (property.object.claim) return claimValue(site, fromPath, property.object, value as Record<string, unknown>);
  return fieldList(site, fromPath, property.object.properties, value as Record<string, unknown>);
}

function oneValue(site: SiteContext, fromPath: string, property: PropertyInfo, value: unknown): Html {
  if (isReference(property) && typeof value === 'string') return entityLink(site, fromPath, value);
  if (property.valueType === 'object') return objectValue(site, fromPath, property, value);
  return scalar(site, property, value);
}

function propertyValue(site: SiteContext, fromPath: string, property: PropertyInfo, value: unknown): Html {
  // A claim's sources are cited in full where the claim is (its quoted words beside them).
  if (isSourcesProperty(property) && Array.isArray(value))
    return citationList(
      site,
      fromPath,
      value.filter((v): v is string => typeof v === 'string'),
    );
  if (!Array.isArray(value)) return oneValue(site, fromPath, property, value);
  if (value.length === 1) return oneValue(site, fromPath, property, value[0]);
  const items = value.map((item) => html`<li>${oneValue(site, fromPath, property, item)}</li>`);
  return property.nested ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
}

function hasValue(fields: Record<string, unknown>, property: PropertyInfo): boolean {
  const value = fields[property.name];
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/** A definition list of the properties that have a value, in the order given, named in plain words. */
export function fieldList(site: SiteContext, fromPath: string, properties: readonly PropertyInfo[], fields: Record<string, unknown>): Html {
  const rows = properties
    .filter((p) => p.name !== 'id' && hasValue(fields, p))
    .map(
      (p) => html`<dt>${propertyLabel(p.name)}</dt><dd>${propertyValue(site, fromPath, p, fields[p.name])}</dd>
`,
    );
  return html`<dl class="fields">
${rows}</dl>`;
}

/** The curators' note: the property published as an editorial note. */
function isNote(property: PropertyInfo): boolean {
  return property.rdf?.predicates.includes('skos:editorialNote') === true;
}

/** Free text longer than a line reads after the short facts, under its own heading; a short one (an annex's label) is a fact. */
const LONG_TEXT = 100;

/** Free text: not a code (a pattern without spaces), date, link or reference. */
function isFreeText(property: PropertyInfo): boolean {
  return (
    property.valueType === 'string' &&
    !property.array &&
    !property.enum &&
    !property.refKinds &&
    !property.rdf?.iriPrefix &&
    property.format === undefined &&
    (property.pattern === undefined || new RegExp(property.pattern).test('a b'))
  );
}

function isLongText(property: PropertyInfo, fields: Record<string, unknown>): boolean {
  const value = fields[property.name];
  return typeof value === 'string' && value.length >= LONG_TEXT && isFreeText(property);
}

/**
 * The record's properties in reading order: the short facts (codes, dates, yes/no,
 * the records it names) first, then the structured ones (claims, roles), then
 * longer texts; without its name, nested records, note and sources, which the page
 * shows in their own places.
 */
function orderedProperties(site: SiteContext, record: EntityRecord): { facts: PropertyInfo[]; texts: PropertyInfo[] } {
  const kind = site.labels.kindOf(record);
  const shown = (kind?.properties ?? []).filter(
    (p) =>
      p.name !== 'id' &&
      p.name !== kind?.labelProperty &&
      !p.nested &&
      !isNote(p) &&
      !isSourcesProperty(p) &&
      !(p.derived && 'parent' in p.derived),
  );
  const text = kind ? textProperty(kind) : undefined;
  const texts = shown.filter((p) => p !== text && isLongText(p, record.fields) && !p.rdf?.iriPrefix);
  // Facts stated as claims (an agreement's kind, status, dates, parties) lead: they are what a reader looks for.
  const claims = shown.filter((p) => p.object?.claim);
  const objects = shown.filter((p) => p.valueType === 'object' && !claims.includes(p));
  const facts = shown.filter((p) => !texts.includes(p) && !objects.includes(p) && !claims.includes(p) && p !== text);
  return { facts: [...claims, ...facts, ...objects], texts };
}

/** The record's short facts (no claims or roles), for a summary elsewhere (the landing page). */
export function keyFacts(site: SiteContext, record: EntityRecord, fromPath: string, leaveOut: readonly string[] = []): Html {
  const { facts } = orderedProperties(site, record);
  const shown = facts.filter((p) => p.valueType !== 'object' && !(p.refKinds ?? []).some((kind) => leaveOut.includes(kind)));
  return fieldList(site, fromPath, shown, record.fields);
}

/** The record's first longer text (its description), to introduce it. */
export function leadText(site: SiteContext, record: EntityRecord): string {
  const kind = site.labels.kindOf(record);
  const first = kind?.properties.find(
    (p) => p.name !== kind.labelProperty && !isNote(p) && isFreeText(p) && typeof record.fields[p.name] === 'string',
  );
  return first ? String(record.fields[first.name]) : '';
}

/**
 * Records that refer to this one, grouped by kind and property. References already
 * shown on the page are left out: those through derived properties (the nesting) and
 * those the record lists itself as an inverse (an agreement's `citedBy`).
 */
function referredBy(site: SiteContext, record: EntityRecord, path: string): Html {
  const ownInverses = new Set(
    (site.labels.kindOf(record)?.properties ?? []).flatMap((p) =>
      p.derived && 'inverseOf' in p.derived ? [`${p.derived.inverseOf.kind}.${p.derived.inverseOf.property}`] : [],
    ),
  );
  const groups = new Map<string, { heading: string; ids: string[] }>();
  for (const { from, property } of site.referrers.get(record.id) ?? []) {
    if (property.derived || property.nested || ownInverses.has(`${from.kind}.${property.name}`)) continue;
    const key = `${from.kind}.${property.name}`;
    const group = groups.get(key) ?? {
      heading: `${site.labels.kindPlural(from.kind)} (${propertyLabel(property.name).toLowerCase()})`,
      ids: [],
    };
    if (!group.ids.includes(from.id)) group.ids.push(from.id);
    groups.set(key, group);
  }
  if (groups.size === 0) return html``;
  return html`<section aria-labelledby="referred-by"><h2 id="referred-by">Where it is named</h2>
${[...groups.values()].map(
  (g) => html`<h3>${g.heading}</h3><ul>${g.ids.map((id) => html`<li>${entityLink(site, path, id)}</li>`)}</ul>
`,
)}</section>`;
}

/** The files this record is published in, as links from its page. */
export interface RecordData {
  jsonld?: string;
  turtle?: string;
  /** The CSV table with the record's row. */
  csv?: string;
}

function dataBox(site: SiteContext, record: EntityRecord, data: RecordData, licence: Html): Html {
  const formats = [
    data.jsonld ? html`<a href="${data.jsonld}" type="application/ld+json">JSON-LD</a>` : '',
    data.turtle ? html`<a href="${data.turtle}" type="text/turtle">Turtle</a>` : '',
    data.csv
      ? html`<a href="${data.csv}" type="text/csv">CSV row</a> <span class="legend">(the row with id <code>${record.id}</code>)</span>`
      : '',
  ].filter((f) => f !== '');
  return html`<section class="box" aria-labelledby="as-data"><h2 id="as-data">Use and cite this record</h2>
<p>As data: ${joinHtml(formats, ' · ')}</p>
<p>Identifier: <span class="iri">${entityIri(site.baseIri, record.id)}</span></p>
<p>How to cite: <cite>${recordCitation(site, record)}</cite></p>
<p>Licence: ${licence}</p>
</section>
`;
}

/** Where a nested record is read, in words with links: "In Joint Statement, section II. Trade, paragraph 9". */
function placeLine(site: SiteContext, record: EntityRecord, path: string): Html {
  const place = placeOf(site, record);
  const steps = [place.document, place.part, ...place.parents].filter((r): r is EntityRecord => r !== undefined);
  if (steps.length === 0) return html``;
  return html`<p class="place">In ${joinHtml(
    steps.map((step) => fullEntityLink(site, path, step.id)),
    ' › ',
  )}</p>
`;
}

function pager(site: SiteContext, record: EntityRecord, path: string): Html {
  const { document } = placeOf(site, record);
  if (!document || record.parent === undefined) return html``;
  const { previous, next } = neighbours(site, record, document);
  if (!previous && !next) return html``;
  return html`<nav class="pager" aria-label="Previous and next in ${site.labels.label(document)}">${
    previous
      ? html`<a href="${relativeHref(path, entityPagePath(previous.id))}" rel="prev">← ${site.labels.label(previous)}</a>`
      : html`<span></span>`
  }${next ? html`<a href="${relativeHref(path, entityPagePath(next.id))}" rel="next">${site.labels.label(next)} →</a>` : ''}</nav>
`;
}

export interface EntityPageBody {
  title: string;
  body: Html;
}

export function entityBody(site: SiteContext, record: EntityRecord, data: RecordData = {}, licence: Html = html``): EntityPageBody {
  const path = entityPagePath(record.id);
  const kind = site.labels.kindOf(record);
  const title = site.labels.label(record);
  const { facts, texts } = orderedProperties(site, record);
  const text = kind ? textProperty(kind) : undefined;
  const words = text ? record.fields[text.name] : undefined;
  const note = kind?.properties.find(isNote);
  const sources = kind?.properties.find(isSourcesProperty);
  const sourceIds = sources ? idsOf(record, sources) : [];
  const body = html`<h1>${title}</h1>
${title.startsWith(site.labels.kindTitle(record)) ? '' : html`<p class="kind">${site.labels.kindTitle(record)}</p>\n`}${placeLine(site, record, path)}${typeof words === 'string' ? html`<blockquote class="lead"><p class="text">${words}</p></blockquote>\n` : ''}${
  facts.some((p) => hasValue(record.fields, p))
    ? html`<section aria-labelledby="facts"><h2 id="facts">Key facts</h2>\n${fieldList(site, path, facts, record.fields)}</section>\n`
    : ''
}${texts.filter((p) => hasValue(record.fields, p)).map((p) => html`<h2>${propertyLabel(p.name)}</h2>\n<p class="text">${String(record.fields[p.name])}</p>\n`)}${pager(
  site,
  record,
  path,
)}${documentBody(site, record, path)}${
  note && typeof record.fields[note.name] === 'string'
    ? html`<section aria-labelledby="note"><h2 id="note">Curators’ note</h2>\n<p class="text">${String(record.fields[note.name])}</p></section>\n`
    : ''
}${
  sourceIds.length > 0
    ? html`<section aria-labelledby="sources"><h2 id="sources">Sources</h2>\n${citationList(site, path, sourceIds)}</section>\n`
    : ''
}${referredBy(site, record, path)}
${dataBox(site, record, data, licence)}`;
  return { title, body };
}
