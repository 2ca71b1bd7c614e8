/** What every page of the site is rendered from: the release's context, labels, and who refers to whom. */
import { type EntityRecord, propertyValues } from '../../model/catalog.js';
import type { PropertyInfo } from '../../schema/model.js';
import type { ReleaseBasis } from '../index.js';
import { SiteLabels } from './labels.js';

/** A record that refers to another, and the property it refers with. */
export interface Reference {
  from: EntityRecord;
  property: PropertyInfo;
}

export interface SiteContext extends ReleaseBasis {
  labels: SiteLabels;
  /** By target id: the records that refer to it, in catalog order. */
  referrers: Map<string, Reference[]>;
  lang: string;
  siteName: string;
}

/**
 * A claim's value: where a property's values are claims (objects with a `value`, the
 * words it rests on and its sources), the property describing that value (a code,
 * a date, a reference), so lists, charts and links read claims as their values.
 */
export function claimValue(property: PropertyInfo): PropertyInfo | undefined {
  return property.object?.claim ? property.object.properties.find((p) => p.name === 'value') : undefined;
}

/** What a property's values are: the property itself, or for claims the claims' value. */
export function valueInfo(property: PropertyInfo): PropertyInfo {
  return claimValue(property) ?? property;
}

/** A property whose values are ids of other records (a reference, claims of references or the nested records). */
export function isReference(property: PropertyInfo): boolean {
  return valueInfo(property).refKinds !== undefined || property.nested !== undefined;
}

/** The property's values, each claim read as its value, without repeats (sources that agree make one value). */
export function plainValues(record: EntityRecord, property: PropertyInfo): unknown[] {
  const values = propertyValues(record, property);
  if (!claimValue(property)) return values;
  const out: unknown[] = [];
  for (const claim of values) {
    const value = claim !== null && typeof claim === 'object' ? (claim as Record<string, unknown>).value : undefined;
    if (value !== undefined && !out.includes(value)) out.push(value);
  }
  return out;
}

export function idsOf(record: EntityRecord, property: PropertyInfo): string[] {
  return plainValues(record, property).filter((v): v is string => typeof v === 'string');
}

function referrersOf(context: ReleaseBasis): Map<string, Reference[]> {
  const referrers = new Map<string, Reference[]>();
  for (const record of context.catalog.records) {
    const kind = context.schemas.byKind.get(record.kind);
    for (const property of kind?.properties ?? []) {
      if (!isReference(property)) continue;
      for (const id of idsOf(record, property)) {
        const list = referrers.get(id) ?? [];
        list.push({ from: record, property });
        referrers.set(id, list);
      }
    }
  }
  return referrers;
}

export function siteContext(basis: ReleaseBasis): SiteContext {
  return {
    ...basis,
    labels: new SiteLabels(basis.catalog, basis.schemas),
    referrers: referrersOf(basis),
    lang: basis.dataset.language,
    siteName: basis.dataset.title || basis.dataset.id,
  };
}

/** Records of one kind that refer to `id`, by any property, without repeats. */
export function referringRecords(site: SiteContext, id: string, kind: string): EntityRecord[] {
  const seen = new Set<string>();
  const out: EntityRecord[] = [];
  for (const { from } of site.referrers.get(id) ?? []) {
    if (from.kind === kind && !seen.has(from.id)) {
      seen.add(from.id);
      out.push(from);
    }
  }
  return out;
}

/** Records of one kind that `record` refers to, in the order it lists them. */
export function referredRecords(site: SiteContext, record: EntityRecord, kind: string): EntityRecord[] {
  const properties = site.schemas.byKind.get(record.kind)?.properties ?? [];
  const out: EntityRecord[] = [];
  for (const property of properties) {
    if (!valueInfo(property).refKinds?.includes(kind)) continue;
    for (const id of idsOf(record, property)) {
      const target = site.catalog.byId.get(id);
      if (target && target.kind === kind && !out.includes(target)) out.push(target);
    }
  }
  return out;
}
