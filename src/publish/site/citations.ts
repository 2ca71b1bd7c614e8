/**
 * Sources as a reader wants them: each cited by its title, publisher, authors and
 * date (read from the properties the source kind publishes as `dcterms:publisher`,
 * `dcterms:creator` and `dcterms:issued`), linked out where the record has a URL;
 * and the record itself, cited as part of the dataset.
 */
import type { EntityRecord } from '../../model/catalog.js';
import { entityIri } from '../../model/iri.js';
import type { PropertyInfo } from '../../schema/model.js';
import { idsOf, type SiteContext } from '../../compile/site/context.js';
import { type Html, html, joinHtml } from './html.js';
import { externalLink, fullEntityLink } from './links.js';

/** A property that cites sources: the one published as `dcterms:source`. */
export function isSourcesProperty(property: PropertyInfo): boolean {
  return property.refKinds !== undefined && property.rdf?.predicates.includes('dcterms:source') === true;
}

function byPredicate(site: SiteContext, record: EntityRecord, predicate: string): PropertyInfo | undefined {
  return site.labels.kindOf(record)?.properties.find((p) => p.rdf?.predicates.includes(predicate));
}

/** One source cited: "Title. Publisher; Authors, date. Online: url". Facts the record lacks are left out, not guessed. */
export function citation(site: SiteContext, fromPath: string, sourceId: string): Html {
  const source = site.catalog.byId.get(sourceId);
  if (!source) return html`${sourceId}`;
  const refs = (predicate: string) => {
    const property = byPredicate(site, source, predicate);
    return property ? idsOf(source, property) : [];
  };
  const plain = (predicate: string) => {
    const property = byPredicate(site, source, predicate);
    const value = property ? source.fields[property.name] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const kind = site.labels.kindOf(source);
  const urlProperty = kind?.properties.find((p) => p.format === 'uri' || p.rdf?.iri);
  const url = urlProperty ? source.fields[urlProperty.name] : undefined;
  const who = [...refs('dcterms:publisher'), ...refs('dcterms:creator')].map((id) => site.labels.labelOfId(id));
  const date = plain('dcterms:issued');
  const details = [who.join('; '), date ? html`<time datetime="${date}">${date}</time>` : ''].filter((part) => part !== '');
  return html`${fullEntityLink(site, fromPath, sourceId)}${details.length > 0 ? html`. ${joinHtml(details, ', ')}` : ''}.${
    typeof url === 'string' ? html` Online: ${externalLink(url)}` : ''
  }`;
}

export function citationList(site: SiteContext, fromPath: string, sourceIds: readonly string[]): Html {
  return html`<ol class="citations">${sourceIds.map((id) => html`<li>${citation(site, fromPath, id)}</li>`)}</ol>`;
}

/** Licence URLs people know by name; any other licence is shown by its URL. */
export function licenceName(url: string): string {
  const cc = /creativecommons\.org\/licenses\/([a-z-]+)\/(\d+\.\d+)/i.exec(url);
  if (cc) return `CC ${(cc[1] ?? '').toUpperCase()} ${cc[2]}`;
  const zero = /creativecommons\.org\/publicdomain\/zero\/(\d+\.\d+)/i.exec(url);
  if (zero) return `CC0 ${zero[1]}`;
  const odc = /opendatacommons\.org\/licenses\/(odbl|by|pddl)\b/i.exec(url);
  if (odc) return ({ odbl: 'ODbL', by: 'ODC-By', pddl: 'PDDL' } as Record<string, string>)[(odc[1] ?? '').toLowerCase()] ?? url;
  return url;
}

function datasetText(site: SiteContext, name: 'issued' | 'version' | 'publisher' | 'title'): string | undefined {
  return site.dataset[name] || undefined;
}

/** The dataset cited: Publisher (year). Title (version x) [Data set]. Base IRI. */
export function datasetCitation(site: SiteContext): string {
  const year = (datasetText(site, 'issued') ?? '').slice(0, 4);
  const version = datasetText(site, 'version');
  return `${datasetText(site, 'publisher') ?? ''} (${year}). ${datasetText(site, 'title') ?? ''}${version ? ` (version ${version})` : ''} [Data set]. ${site.baseIri}`;
}

/** A record cited as part of the dataset: Publisher (year). “Label” (kind). In Title (version x) [Data set]. IRI. */
export function recordCitation(site: SiteContext, record: EntityRecord): string {
  const year = (datasetText(site, 'issued') ?? '').slice(0, 4);
  const version = datasetText(site, 'version');
  return `${datasetText(site, 'publisher') ?? ''} (${year}). “${site.labels.label(record)}” (${site.labels.kindTitle(record).toLowerCase()}). In ${
    datasetText(site, 'title') ?? ''
  }${version ? ` (version ${version})` : ''} [Data set]. ${entityIri(site.baseIri, record.id)}`;
}
