import { sha256Sums } from './checksums.js';
import { csvTables } from './csv.js';
import { csvwMetadata } from './csvw.js';
import { dataDictionaryMarkdown } from './data-dictionary.js';
import { dataPackageJson } from './datapackage.js';
import { dcatCatalogJsonld } from './dcat.js';
import type { Publisher } from './types.js';
import { jsonldDocuments } from './jsonld.js';
import { rdfDumps } from './rdf.js';
import { recordsJson } from './records-json.js';
import { vocabularyAndShapes } from './schema-files.js';
import { staticSite } from './site/index.js';

/**
 * The release's outputs, in the order they are made. Later entries may describe
 * earlier ones, so the describing files come last: the data package (sizes and
 * hashes of the CSVs), the DCAT catalogue (every main file before it) and
 * SHA256SUMS (every file). Add new outputs before them.
 */
export const PUBLISHERS: readonly Publisher[] = [
  recordsJson,
  jsonldDocuments,
  rdfDumps,
  vocabularyAndShapes,
  csvTables,
  csvwMetadata,
  dataDictionaryMarkdown,
  dataPackageJson,
  dcatCatalogJsonld,
  staticSite,
  sha256Sums,
];
