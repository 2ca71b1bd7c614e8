/**
 * A document read as a document: its parts (the top-level records with nested
 * records that refer to it: a statement's sections) in order, each heading followed
 * by its numbered paragraphs and sub-paragraphs, each linked to what it cites.
 * The same view shows a pillar's sections on the pillar's page.
 */
import type { EntityRecord } from '../../model/catalog.js';
import type { PropertyInfo } from '../../schema/model.js';
import { idsOf, isReference, type SiteContext } from '../../compile/site/context.js';
import { entityLink } from './links.js';
import { type Html, html, joinHtml } from './html.js';
import { propertyLabel } from '../../compile/site/labels.js';
import { entityPagePath, relativeHref } from './paths.js';

const POSITION_PREDICATE = 'schema:position';

function nestedProperties(site: SiteContext, record: EntityRecord): PropertyInfo[] {
  return (site.labels.kindOf(record)?.properties ?? []).filter((p) => p.nested);
}

/** The record's place in its document, from the property published as `schema:position`. */
function position(site: SiteContext, record: EntityRecord): number {
  const property = site.labels.kindOf(record)?.properties.find((p) => p.rdf?.predicates.includes(POSITION_PREDICATE));
  const value = property ? record.fields[property.name] : undefined;
  return typeof value === 'number' ? value : Number.MAX_SAFE_INTEGER;
}

/** The parts to read on this record's page, in document order (catalog order breaks ties). */
export function documentParts(site: SiteContext, record: EntityRecord): EntityRecord[] {
  const parts: EntityRecord[] = [];
  for (const { from, property } of site.referrers.get(record.id) ?? []) {
    if (property.derived || from.parent !== undefined || parts.includes(from)) continue;
    if (nestedProperties(site, from).length > 0) parts.push(from);
  }
  return parts
    .map((part, index) => ({ part, index }))
    .sort((a, b) => position(site, a.part) - position(site, b.part) || a.index - b.index)
    .map(({ part }) => part);
}

/** What a paragraph refers to in its own words (cites, mentions): written references, not inherited or derived ones. */
function ownReferences(site: SiteContext, record: EntityRecord, path: string): Html {
  const lines = (site.labels.kindOf(record)?.properties ?? [])
    .filter((p) => isReference(p) && !p.nested && !p.derived && !p.inherit && p.name !== 'sources')
    .map((p) => ({ p, ids: idsOf(record, p) }))
    .filter(({ ids }) => ids.length > 0)
    .map(
      ({ p, ids }) =>
        html`<p class="refs">${propertyLabel(p.name)}: ${joinHtml(
          ids.map((id) => entityLink(site, path, id)),
          ', ',
        )}</p>`,
    );
  return html`${lines}`;
}

function textOf(site: SiteContext, record: EntityRecord): string | undefined {
  const kind = site.labels.kindOf(record);
  const text = kind?.properties.find((p) => p.rdf?.predicates.includes('schema:text'));
  const value = text ? record.fields[text.name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function numberOf(site: SiteContext, record: EntityRecord): string {
  const kind = site.labels.kindOf(record);
  const value = kind ? record.fields[kind.labelProperty] : undefined;
  return typeof value === 'string' ? value : site.labels.label(record);
}

function children(site: SiteContext, record: EntityRecord): EntityRecord[] {
  return nestedProperties(site, record)
    .flatMap((p) => idsOf(record, p))
    .map((id) => site.catalog.byId.get(id))
    .filter((r): r is EntityRecord => r !== undefined);
}

function paragraph(site: SiteContext, record: EntityRecord, path: string): Html {
  const text = textOf(site, record);
  return html`<div class="para" id="${`p-${record.id.split('/').pop() ?? record.id}`}">
<p><a class="number" href="${relativeHref(path, entityPagePath(record.id))}">${numberOf(site, record)}</a> <span class="text">${text ?? ''}</span></p>
${ownReferences(site, record, path)}${children(site, record).map((child) => paragraph(site, child, path))}</div>
`;
}

/** A part's heading: its numeral (the property published as `eli:number`) and its label, where it has them. */
function heading(site: SiteContext, part: EntityRecord, path: string): Html {
  const kind = site.labels.kindOf(part);
  const value = (name: string | undefined) => (name && typeof part.fields[name] === 'string' ? String(part.fields[name]) : undefined);
  const title = value(kind?.labelProperty);
  const notation = value(kind?.properties.find((p) => p.rdf?.predicates.includes('eli:number') && p.name !== kind.labelProperty)?.name);
  if (!title && !notation) return html``;
  const text = [notation, title].filter(Boolean).join('. ');
  return html`<h3><a href="${relativeHref(path, entityPagePath(part.id))}">${text}</a></h3>\n`;
}

export function documentBody(site: SiteContext, record: EntityRecord, path: string): Html {
  const parts = documentParts(site, record);
  if (parts.length === 0) return html``;
  return html`<section class="document" aria-labelledby="text"><h2 id="text">Text</h2>
${parts.map((part) => html`<section class="part">${heading(site, part, path)}${children(site, part).map((child) => paragraph(site, child, path))}</section>\n`)}</section>
`;
}

/** Where a nested record is read: its document, the part (section) it is in, and the records it is nested in. */
export interface Place {
  document?: EntityRecord;
  part?: EntityRecord;
  /** The records between the part and this one (a sub-paragraph's paragraph), outermost first. */
  parents: EntityRecord[];
}

/** The document a part belongs to: the first record it refers to that reads it as one of its parts. */
function documentOfPart(site: SiteContext, part: EntityRecord): EntityRecord | undefined {
  for (const property of site.labels.kindOf(part)?.properties ?? []) {
    if (!property.refKinds || property.derived) continue;
    for (const id of idsOf(part, property)) {
      const target = site.catalog.byId.get(id);
      if (target && documentParts(site, target).includes(part)) return target;
    }
  }
  return undefined;
}

export function placeOf(site: SiteContext, record: EntityRecord): Place {
  const chain: EntityRecord[] = [];
  let current: EntityRecord | undefined = record;
  while (current?.parent !== undefined) {
    current = site.catalog.byId.get(current.parent);
    if (current) chain.unshift(current);
  }
  const part = current === record ? (nestedProperties(site, record).length > 0 ? record : undefined) : current;
  const parents = part === undefined ? [] : chain.filter((r) => r !== part);
  const document = part ? documentOfPart(site, part) : undefined;
  return { ...(document ? { document } : {}), ...(part && part !== record ? { part } : {}), parents };
}

const readingOrders = new WeakMap<SiteContext, Map<EntityRecord, EntityRecord[]>>();

/** Every nested record of a document in reading order (a paragraph, then its sub-paragraphs, then the next paragraph). */
function readingOrder(site: SiteContext, document: EntityRecord): EntityRecord[] {
  let orders = readingOrders.get(site);
  if (!orders) {
    orders = new Map();
    readingOrders.set(site, orders);
  }
  let order = orders.get(document);
  if (!order) {
    const out: EntityRecord[] = [];
    const visit = (record: EntityRecord) => {
      out.push(record);
      children(site, record).forEach(visit);
    };
    for (const part of documentParts(site, document)) children(site, part).forEach(visit);
    order = out;
    orders.set(document, order);
  }
  return order;
}

/** The records read just before and after this one in its document. */
export function neighbours(
  site: SiteContext,
  record: EntityRecord,
  document: EntityRecord,
): { previous?: EntityRecord; next?: EntityRecord } {
  const order = readingOrder(site, document);
  const at = order.indexOf(record);
  if (at < 0) return {};
  const previous = order[at - 1];
  const next = order[at + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
