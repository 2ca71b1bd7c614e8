/**
 * The dataset record, typed: the one record whose fields the publishers describe the release
 * with (title, version, licence, ...). Its schema makes these fields required and typed, and the
 * validate stage has checked them, so reading them here needs no casts anywhere else.
 */
import { type Catalog, type EntityRecord, recordsOf } from './catalog.js';

export interface DatasetRecord {
  id: string;
  title: string;
  description: string;
  version: string;
  /** YYYY-MM-DD: the release's dates come from here, never from the clock. */
  issued: string;
  license: string;
  baseIri: string;
  publisher: string;
  /** BCP 47 tag of the texts. */
  language: string;
  /** The code of the EU planned-availability table the publishers give every file of the release, if they give one. */
  availability?: string;
  keywords: string[];
  /** Id of the partnership record the dataset describes. */
  partnership?: string;
  record: EntityRecord;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The one dataset record (the validate stage guarantees there is exactly one before publishing). */
export function datasetRecord(catalog: Catalog): DatasetRecord {
  const [record] = recordsOf(catalog, 'dataset');
  if (!record) throw new Error('catalog has no dataset record');
  const { fields } = record;
  return {
    id: record.id,
    title: text(fields.title),
    description: text(fields.description),
    version: text(fields.version),
    issued: text(fields.issued),
    license: text(fields.license),
    baseIri: text(fields.baseIri),
    publisher: text(fields.publisher),
    language: text(fields.language) || 'en',
    keywords: Array.isArray(fields.keywords) ? fields.keywords.filter((k): k is string => typeof k === 'string') : [],
    ...(typeof fields.partnership === 'string' ? { partnership: fields.partnership } : {}),
    ...(typeof fields.availability === 'string' ? { availability: fields.availability } : {}),
    record,
  };
}
