/**
 * `catalog.jsonld`: the release described in DCAT (and VoID): a catalogue, the
 * dataset, and a distribution for every main file with its media type, size,
 * SHA-256, licence, version and issue date. Every node has an IRI.
 */
import { entityIri } from '../model/iri.js';
import { SCHEMA_VOCABULARIES, VOCABULARIES } from '../compile/rdf/prefixes.js';
import type { FileDigest } from './digest.js';
import type { Release, ReleaseBasis } from '../compile/index.js';
import { CHECKSUMS_PATH } from './checksums.js';
import type { Describer } from './types.js';

type Json = { [key: string]: unknown };

export const CATALOG_PATH = 'catalog.jsonld';

/**
 * Which files are distributions: the files at the top of the release and the CSV tables; not the
 * many per-entity pages below other folders (the site), nor the checksum list (each distribution
 * states its own checksum).
 */
export function isDistribution(path: string): boolean {
  return (!path.includes('/') || path.startsWith('csv/')) && path !== CHECKSUMS_PATH;
}

const CONTEXT: Readonly<Record<string, string | undefined>> = {
  dcat: VOCABULARIES.dcat,
  dcterms: VOCABULARIES.dcterms,
  foaf: VOCABULARIES.foaf,
  owl: SCHEMA_VOCABULARIES.owl,
  spdx: 'http://spdx.org/rdf/terms#',
  void: VOCABULARIES.void,
  xsd: VOCABULARIES.xsd,
};

/** IRIs of the catalogue's own nodes, below the dataset record's: `<base>dataset/distribution/csv/x.csv`. */
function datasetPartIri(context: ReleaseBasis, ...segments: string[]): string {
  return entityIri(context.baseIri, [context.dataset.id, ...segments].join('/'));
}

function mediaTypeIri(mediaType: string): string {
  const [essence = mediaType] = mediaType.split(';');
  return `https://www.iana.org/assignments/media-types/${essence.trim()}`;
}

function distribution(file: FileDigest, context: ReleaseBasis, common: Json): Json {
  return {
    '@id': datasetPartIri(context, 'distribution', file.path),
    '@type': 'dcat:Distribution',
    'dcterms:title': file.path,
    // Published beside the site at the base IRI, where the landing page's schema:contentUrl points too.
    'dcat:downloadURL': { '@id': context.baseIri + file.path },
    'dcat:accessURL': { '@id': context.baseIri + file.path },
    'dcat:mediaType': { '@id': mediaTypeIri(file.mediaType) },
    'dcat:byteSize': { '@value': String(file.bytes), '@type': 'xsd:nonNegativeInteger' },
    'spdx:checksum': {
      '@id': datasetPartIri(context, 'checksum', file.path),
      '@type': 'spdx:Checksum',
      'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
      'spdx:checksumValue': { '@value': file.sha256, '@type': 'xsd:hexBinary' },
    },
    ...common,
  };
}

/** `files`: the digests of the distributions, sorted by path. */
export function dcatCatalog(context: ReleaseBasis, files: readonly FileDigest[]): Json {
  const { dataset: fields, baseIri, catalog } = context;
  const { language } = fields;
  const text = (value: string) => ({ '@value': value, '@language': language });
  const datasetIri = entityIri(baseIri, fields.id);
  const publisherIri = datasetPartIri(context, 'publisher');
  const common: Json = {
    'dcterms:license': { '@id': fields.license },
    'dcterms:issued': { '@value': fields.issued, '@type': 'xsd:date' },
    'dcat:version': fields.version,
    'owl:versionInfo': fields.version,
  };
  const distributions = files.map((file) => distribution(file, context, common));
  const keywords = fields.keywords.map(text);
  const partnership = fields.partnership !== undefined ? { 'foaf:primaryTopic': { '@id': entityIri(baseIri, fields.partnership) } } : {};
  return {
    '@context': CONTEXT,
    '@graph': [
      {
        '@id': datasetPartIri(context, 'catalog'),
        '@type': 'dcat:Catalog',
        'dcterms:title': text(fields.title),
        'dcterms:publisher': { '@id': publisherIri },
        'dcat:dataset': { '@id': datasetIri },
        ...common,
      },
      {
        '@id': publisherIri,
        '@type': 'foaf:Agent',
        'foaf:name': text(fields.publisher),
      },
      {
        '@id': datasetIri,
        '@type': ['dcat:Dataset', 'void:Dataset'],
        'dcterms:title': text(fields.title),
        'dcterms:description': text(fields.description),
        'dcterms:publisher': { '@id': publisherIri },
        'dcterms:language': language,
        ...(keywords.length > 0 ? { 'dcat:keyword': keywords } : {}),
        ...partnership,
        ...common,
        'dcat:landingPage': { '@id': baseIri },
        'void:uriSpace': baseIri,
        'void:entities': { '@value': String(catalog.records.length), '@type': 'xsd:integer' },
        'dcat:distribution': distributions.map((d) => ({ '@id': d['@id'] })),
      },
      ...distributions,
    ],
  };
}

export const dcatCatalogJsonld: Describer = {
  name: 'dcat',
  makes: [CATALOG_PATH],
  describes: (path) => isDistribution(path) && path !== CATALOG_PATH,
  describe: (release: Release, described) => [
    { path: CATALOG_PATH, content: `${JSON.stringify(dcatCatalog(release, described), null, 2)}\n`, mediaType: 'application/ld+json' },
  ],
};
