/** One page per entity: its fields in plain language, references as links, and who refers to it. */
import { entityIri } from '../../model/iri.js';
import type { EntityRecord } from '../../model/catalog.js';
import type { PropertyInfo } from '../../schema/model.js';
import { dataPrefixes, expandCurie } from '../../compile/rdf/prefixes.js';
import { isReference, type SiteContext } from '../../compile/site/context.js';
import { documentBody } from './document.js';
import { type Html, html } from './html.js';
import { codeLabel, propertyLabel } from '../../compile/site/labels.js';
import { entityLink, externalLink } from './links.js';
import { entityPagePath } from './paths.js';

function scalar(site: SiteContext, property: PropertyInfo, value: unknown): Html {
  if (typeof value === 'boolean') return html`${value ? 'yes' : 'no'}`;
  const text = String(value);
  if (property.enum) return html`${codeLabel(text)}`;
  if (property.rdf?.iriPrefix) return externalLink(expandCurie(property.rdf.iriPrefix + text, dataPrefixes(site.baseIri)));
  if (property.format === 'uri' || property.rdf?.iri) return externalLink(text);
  return html`<span class="text">${text}</span>`;
}

function objectValue(site: SiteContext, fromPath: string, property: PropertyInfo, value: unknown): Html {
  if (!property.object || value === null || typeof value !== 'object') return html`${String(value)}`;
  return fieldList(site, fromPath, property.object.properties, value as Record<string, unknown>);
}

function oneValue(site: SiteContext, fromPath: string, property: PropertyInfo, value: unknown): Html {
  if (isReference(property) && typeof value === 'string') return entityLink(site, fromPath, value);
  if (property.valueType === 'object') return objectValue(site, fromPath, property, value);
  return scalar(site, property, value);
}

function propertyValue(site: SiteContext, fromPath: string, property: PropertyInfo, value: unknown): Html {
  if (!Array.isArray(value)) return oneValue(site, fromPath, property, value);
  const items = value.map((item) => html`<li>${oneValue(site, fromPath, property, item)}</li>`);
  return property.nested ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
}

/** A property's term with its description: the same on every page of its kind, so made once. */
const fieldTerms = new WeakMap<PropertyInfo, Html>();

function fieldTerm(p: PropertyInfo): Html {
  let term = fieldTerms.get(p);
  if (!term) {
    term = html`<dt>${propertyLabel(p.name)}${p.description ? html`<span class="about">${p.description}</span>` : ''}</dt>`;
    fieldTerms.set(p, term);
  }
  return term;
}

/** A definition list of the fields that have a value, in schema order, each with its description. */
export function fieldList(
  site: SiteContext,
  fromPath: string,
  properties: readonly PropertyInfo[],
  fields: Record<string, unknown>,
): Html {
  const rows = properties
    .filter((p) => p.name !== 'id' && fields[p.name] !== undefined && !(Array.isArray(fields[p.name]) && (fields[p.name] as unknown[]).length === 0))
    .map(
      (p) => html`${fieldTerm(p)}
<dd>${propertyValue(site, fromPath, p, fields[p.name])}</dd>
`,
    );
  return html`<dl class="fields">
${rows}</dl>`;
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
    const group = groups.get(key) ?? { heading: `${site.labels.kindTitle(from)} — ${propertyLabel(property.name)}`, ids: [] };
    if (!group.ids.includes(from.id)) group.ids.push(from.id);
    groups.set(key, group);
  }
  if (groups.size === 0) return html``;
  return html`<section aria-labelledby="referred-by"><h2 id="referred-by">Referred to by</h2>
${[...groups.values()].map(
  (g) => html`<h3>${g.heading}</h3><ul>${g.ids.map((id) => html`<li>${entityLink(site, path, id)}</li>`)}</ul>
`,
)}</section>`;
}

export interface EntityPageBody {
  title: string;
  body: Html;
}

export function entityBody(site: SiteContext, record: EntityRecord): EntityPageBody {
  const path = entityPagePath(record.id);
  const kind = site.labels.kindOf(record);
  const title = site.labels.label(record);
  const reading = documentBody(site, record, path);
  const body = html`<h1>${title}</h1>
<p class="kind">${site.labels.kindTitle(record)}${kind?.description ? html` — ${kind.description}` : ''}</p>
${reading}<section aria-labelledby="fields"><h2 id="fields">Fields</h2>
<dl class="fields"><dt>IRI</dt><dd class="iri">${entityIri(site.baseIri, record.id)}</dd></dl>
${fieldList(site, path, kind?.properties ?? [], record.fields)}</section>
${referredBy(site, record, path)}`;
  return { title, body };
}
