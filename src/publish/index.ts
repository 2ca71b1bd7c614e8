import { sha256Sums } from './checksums.js';
import { csvTables, csvZip } from './csv.js';
import { csvwMetadata } from './csvw.js';
import { dataDictionaryMarkdown } from './data-dictionary.js';
import { dataPackageJson } from './datapackage.js';
import { dcatCatalogJsonld } from './dcat.js';
import type { Publisher } from './types.js';
import { jsonldDocuments } from './jsonld.js';
import { rdfDumps } from './rdf.js';
import { recordsJson } from './records-json.js';
import { vocabularyAndShapes } from './schema-files.js';
import { siteLanding, sitePages } from './site/index.js';

/**
 * The release's outputs, in the order they are made. Later entries may describe
 * earlier ones, so the describing files come last: the data package (sizes and
 * hashes of the CSVs), the DCAT catalogue and the landing page (every main file
 * before them) and SHA256SUMS (every file). Asking for those sizes and hashes waits
 * until the writer has written every earlier file, so the bulk of the work (the
 * site's pages) comes before the first of them. Add new outputs before them.
 */
export const PUBLISHERS: readonly Publisher[] = [
  recordsJson,
  jsonldDocuments,
  rdfDumps,
  vocabularyAndShapes,
  csvTables,
  csvZip,
  csvwMetadata,
  dataDictionaryMarkdown,
  sitePages,
  dataPackageJson,
  dcatCatalogJsonld,
  siteLanding,
  sha256Sums,
];
