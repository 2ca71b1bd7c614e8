/**
 * compile: the validated catalog in, the release's content out, as one value made once. Every
 * publisher is a serialisation of this value: none compiles anything for itself, and none needs
 * another's output (except the describing ones, which are given the written files' digests).
 */
import type { Catalog } from '../model/catalog.js';
import { type DatasetRecord, datasetRecord } from '../model/dataset.js';
import type { SchemaSet } from '../schema/model.js';
import { compileLinkedData, type LinkedData } from './linked-data.js';
import { type SiteContext, siteContext } from './site/context.js';
import { type TableSpec, tableSpecs } from './tabular/tables.js';

/** What every part of the release starts from. */
export interface ReleaseBasis {
  catalog: Catalog;
  schemas: SchemaSet;
  dataset: DatasetRecord;
  /** Base IRI of every entity (ends with "/" or "#"); an entity's IRI is this plus its id. */
  baseIri: string;
}

export interface Release extends ReleaseBasis {
  /** The linked-data graph, with each node's JSON-LD text. */
  graph: LinkedData;
  /** The CSV tables' specifications, from the schemas. */
  tables: TableSpec[];
  /** What the site's pages are rendered from. */
  site: SiteContext;
}

export interface CompileOptions {
  /** Overrides the dataset record's base IRI. */
  baseIri?: string;
}

export function compile(catalog: Catalog, schemas: SchemaSet, options: CompileOptions = {}): Release {
  const dataset = datasetRecord(catalog);
  const basis: ReleaseBasis = { catalog, schemas, dataset, baseIri: options.baseIri ?? dataset.baseIri };
  return {
    ...basis,
    graph: compileLinkedData(catalog, schemas, basis.baseIri),
    tables: tableSpecs(schemas),
    site: siteContext(basis),
  };
}
