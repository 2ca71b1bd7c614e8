import { sha256Sums } from './checksums.js';
import { csvTables } from './csv.js';
import { csvwMetadata } from './csvw.js';
import { dataDictionaryMarkdown } from './data-dictionary.js';
import { dataPackageJson } from './datapackage.js';
import { dcatCatalogJsonld } from './dcat.js';
import { catalogueDocuments, vocabularyDocuments } from './dereference.js';
import { jsonldDocuments } from './jsonld.js';
import { rdfDumps } from './rdf.js';
import { recordsJson } from './records-json.js';
import { vocabularyAndShapes } from './schema-files.js';
import { siteLanding, sitePages } from './site/index.js';
import { siteTracker } from './site/tracker.js';
import type { Describer, Publisher } from './types.js';

/** The release's serialisations, independent of one another. */
export const PUBLISHERS: readonly Publisher[] = [
  recordsJson,
  jsonldDocuments,
  rdfDumps,
  vocabularyAndShapes,
  csvTables,
  csvwMetadata,
  dataDictionaryMarkdown,
  sitePages,
  siteTracker,
  vocabularyDocuments,
];

/** The files that describe others by their digests; the pipeline orders them (see describingOrder). */
export const DESCRIBERS: readonly Describer[] = [sha256Sums, siteLanding, dcatCatalogJsonld, catalogueDocuments, dataPackageJson];
