/**
 * `catalog.jsonld`: the release described in DCAT (and VoID): a catalogue, the
 * dataset, and a distribution for every main file with its media type, size,
 * SHA-256, licence, version and issue date. Every node has an IRI.
 */
import { entityIri } from '../model/iri.js';
import { SCHEMA_VOCABULARIES, VOCABULARIES } from '../compile/rdf/prefixes.js';
import type { FileDigest } from './digest.js';
import type { PublishContext, Publisher } from './types.js';

type Json = { [key: string]: unknown };

export const CATALOG_PATH = 'catalog.jsonld';

/**
 * Which earlier files are distributions: the files at the top of the release and
 * the CSV tables; not the many per-entity pages below other folders (the site).
 */
export function isDistribution(path: string): boolean {
  return !path.includes('/') || path.startsWith('csv/');
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
function datasetPartIri(context: PublishContext, ...segments: string[]): string {
  return entityIri(context.baseIri, [context.dataset.id, ...segments].join('/'));
}

function mediaTypeIri(mediaType: string): string {
  const [essence = mediaType] = mediaType.split(';');
  return `https://www.iana.org/assignments/media-types/${essence.trim()}`;
}

function distribution(file: FileDigest, context: PublishContext, common: Json): Json {
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

/** `published`: the digests of the files published before it, sorted by path. */
export function dcatCatalog(context: PublishContext, published: readonly FileDigest[]): Json {
  const { dataset, baseIri, catalog } = context;
  const fields = dataset.fields;
  const language = String(fields.language);
  const text = (value: unknown) => ({ '@value': String(value), '@language': language });
  const datasetIri = entityIri(baseIri, dataset.id);
  const publisherIri = datasetPartIri(context, 'publisher');
  const files = published.filter((file) => isDistribution(file.path));
  const common: Json = {
    'dcterms:license': { '@id': fields.license },
    'dcterms:issued': { '@value': fields.issued, '@type': 'xsd:date' },
    'dcat:version': fields.version,
    'owl:versionInfo': fields.version,
  };
  const distributions = files.map((file) => distribution(file, context, common));
  const keywords = Array.isArray(fields.keywords) ? fields.keywords.map(text) : [];
  const partnership = typeof fields.partnership === 'string' ? { 'foaf:primaryTopic': { '@id': entityIri(baseIri, fields.partnership) } } : {};
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

export const dcatCatalogJsonld: Publisher = {
  name: 'dcat',
  async publish(context, output) {
    const published = await output.digests();
    return [
      {
        path: CATALOG_PATH,
        content: `${JSON.stringify(dcatCatalog(context, published), null, 2)}\n`,
        mediaType: 'application/ld+json',
      },
    ];
  },
};
