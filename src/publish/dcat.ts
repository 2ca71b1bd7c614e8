/**
 * `catalog.jsonld`: the release described in DCAT (DCAT-AP 3.0.1) and VoID: a
 * catalogue, the dataset, and a distribution for every main file with its media
 * type, format, size, SHA-256, licence, version and issue date; and the file itself
 * as VoID's description document. The dataset is the graph's own dataset node (the
 * same triples as in partnership.nq), to which the catalogue adds what only the
 * release knows (its files, its size in triples). Every node has an IRI.
 */
import { entityIri } from '../model/iri.js';
import type { Release, ReleaseBasis } from '../compile/index.js';
import type { LinkedData } from '../compile/linked-data.js';
import type { RdfNode } from '../compile/rdf/graph.js';
import { compactNode } from '../compile/rdf/jsonld.js';
import { nodeTriples } from '../compile/rdf/quads.js';
import { SCHEMA_VOCABULARIES } from '../compile/rdf/prefixes.js';
import { contextFor } from '../compile/rdf/terms.js';
import { CHECKSUMS_PATH } from './checksums.js';
import type { FileDigest } from './digest.js';
import { GRAPH_JSONLD_PATH } from './jsonld.js';
import { NQUADS_PATH, TURTLE_PATH } from './rdf.js';
import type { Describer } from './types.js';
import { releaseMediaType } from './media-types.js';

type Json = { [key: string]: unknown };

export const CATALOG_PATH = 'catalog.jsonld';

/** The graph's dumps: VoID's data dumps. */
const DUMP_PATHS = [GRAPH_JSONLD_PATH, NQUADS_PATH, TURTLE_PATH];

/**
 * Which files are distributions: the files at the top of the release and the CSV tables; not the
 * many per-entity pages below other folders (the site), nor the checksum list (each distribution
 * states its own checksum).
 */
export function isDistribution(path: string): boolean {
  return (!path.includes('/') || path.startsWith('csv/')) && path !== CHECKSUMS_PATH;
}

/** Prefixes the catalogue adds to the graph's. */
const CATALOGUE_PREFIXES: Readonly<Record<string, string>> = {
  owl: SCHEMA_VOCABULARIES.owl ?? 'http://www.w3.org/2002/07/owl#',
  // SPDX's own namespace (http): DCAT-AP 3.0.1's checksum-algorithm shape asks for https, a defect of that file.
  spdx: 'http://spdx.org/rdf/terms#',
  dcatap: 'http://data.europa.eu/r5r/',
};

/** The EU file-type authority's code for a media type (DCAT-AP's dcterms:format), where it has one. */
const FILE_TYPES: Readonly<Record<string, string>> = {
  'application/csvm+json': 'JSON',
  'application/json': 'JSON',
  'application/ld+json': 'JSON_LD',
  'application/n-quads': 'RDF_N_QUADS',
  'text/csv': 'CSV',
  'text/html': 'HTML',
  'text/plain': 'TXT',
  'text/turtle': 'RDF_TURTLE',
};
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';

/** What each of the release's top-level files is, for its distribution's dcterms:description. */
const FILE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'DATA-DICTIONARY.md': 'The data dictionary: every table and column with its meaning, generated from the schemas.',
  SHA256SUMS: 'The SHA-256 of every file of the release.',
  'context.jsonld': 'The JSON-LD context of the graph, generated from the schemas.',
  'csv-metadata.json': 'The CSVW metadata describing the CSV tables.',
  'datapackage.json': 'The Frictionless data package describing the CSV tables.',
  'partnership.jsonld': 'The whole graph as compacted JSON-LD with its context inlined.',
  'partnership.nq': 'The whole graph as canonical N-Quads: sorted, no blank nodes.',
  'partnership.ttl': 'The whole graph in Turtle.',
  'records.json': 'Every record as JSON, as validated.',
  'shapes.ttl': 'SHACL shapes of the graph, generated from the schemas.',
  'vocab.ttl': 'The project vocabulary: the classes, properties and code lists the graph uses that no established vocabulary has.',
};

function fileDescription(path: string): string {
  const known = FILE_DESCRIPTIONS[path];
  if (known) return known;
  if (path.startsWith('csv/')) return `The table ${path.slice(4, -4)} as CSV, described by csv-metadata.json and datapackage.json.`;
  return path;
}

/** The catalogue's IRI, below the dataset record's: `<base>dataset/catalog` (its documents: src/publish/dereference.ts). */
export function catalogIri(context: ReleaseBasis): string {
  return entityIri(context.baseIri, `${context.dataset.id}/catalog`);
}

/** IRIs of the catalogue's distributions and checksums, fragments of its document: `<base>dataset/catalog#distribution/csv/x.csv`. */
function catalogPartIri(context: ReleaseBasis, part: 'distribution' | 'checksum', path: string): string {
  return `${catalogIri(context)}#${part}/${path}`;
}

function mediaTypeIri(mediaType: string): string {
  return `https://www.iana.org/assignments/media-types/${mediaEssence(mediaType)}`;
}

function mediaEssence(mediaType: string): string {
  const [essence = mediaType] = mediaType.split(';');
  return essence.trim();
}

const typed = (iri: string, type: string) => ({ '@id': iri, '@type': type });

function distribution(file: FileDigest, context: ReleaseBasis, common: Json): Json {
  const essence = mediaEssence(file.mediaType);
  const format = FILE_TYPES[essence];
  const url = context.baseIri + file.path;
  return {
    '@id': catalogPartIri(context, 'distribution', file.path),
    '@type': ['dcat:Distribution', 'schema:DataDownload'],
    'dcterms:title': file.path,
    'dcterms:description': fileDescription(file.path),
    // Published beside the site at the base IRI, where the landing page's links point too.
    'dcat:downloadURL': { '@id': url },
    'dcat:accessURL': { '@id': url },
    'schema:contentUrl': { '@id': url },
    'dcat:mediaType': typed(mediaTypeIri(file.mediaType), 'dcterms:MediaType'),
    'schema:encodingFormat': essence,
    ...(format ? { 'dcterms:format': { '@id': FILE_TYPE + format, '@type': ['dcterms:MediaType', 'dcterms:MediaTypeOrExtent'] } } : {}),
    'dcat:byteSize': { '@value': String(file.bytes), '@type': 'xsd:nonNegativeInteger' },
    'spdx:checksum': {
      '@id': catalogPartIri(context, 'checksum', file.path),
      '@type': 'spdx:Checksum',
      'spdx:algorithm': typed('spdx:checksumAlgorithm_sha256', 'spdx:ChecksumAlgorithm'),
      'spdx:checksumValue': { '@value': file.sha256, '@type': 'xsd:hexBinary' },
    },
    ...common,
  };
}

/** The graph's nodes for the resources the dataset names (licence, language, theme), with their classes. */
function namedResources(dataset: RdfNode, data: LinkedData): RdfNode[] {
  const named = new Set(nodeTriples(dataset, data.prefixes).flatMap((t) => (t.object.kind === 'iri' ? [t.object.iri] : [])));
  return data.resources.filter((resource) => named.has(resource.iri));
}

/** The EU data themes' English labels (DCAT-AP asks a theme's skos:prefLabel), by the theme's code. */
const DATA_THEMES: Readonly<Record<string, string>> = {
  AGRI: 'Agriculture, fisheries, forestry and food',
  ECON: 'Economy and finance',
  EDUC: 'Education, culture and sport',
  ENER: 'Energy',
  ENVI: 'Environment',
  GOVE: 'Government and public sector',
  HEAL: 'Health',
  INTR: 'International issues',
  JUST: 'Justice, legal system and public safety',
  OP_DATPRO: 'Provisional data',
  REGI: 'Regions and cities',
  SOCI: 'Population and society',
  TECH: 'Science and technology',
  TRAN: 'Transport',
};
const DATA_THEME = 'http://publications.europa.eu/resource/authority/data-theme/';

/**
 * The EU planned-availability table's English labels (DCAT-AP asks a concept's skos:prefLabel), by
 * code, as the table gives them (version 20220715-0; all four lower-case).
 */
const PLANNED_AVAILABILITIES: Readonly<Record<string, string>> = {
  AVAILABLE: 'available',
  EXPERIMENTAL: 'experimental',
  STABLE: 'stable',
  TEMPORARY: 'temporary',
};
const PLANNED_AVAILABILITY = 'http://publications.europa.eu/resource/authority/planned-availability/';

/** The EU authority tables whose concepts the catalogue names, each with its labels by code. */
const AUTHORITIES: readonly { namespace: string; labels: Readonly<Record<string, string>> }[] = [
  { namespace: DATA_THEME, labels: DATA_THEMES },
  { namespace: PLANNED_AVAILABILITY, labels: PLANNED_AVAILABILITIES },
];

/** A resource's node, with the label the authority gives it where DCAT-AP asks one. */
function withLabel(json: Json): Json {
  const id = String(json['@id']);
  const authority = AUTHORITIES.find(({ namespace }) => id.startsWith(namespace));
  const label = authority?.labels[id.slice(authority.namespace.length)];
  return label ? { ...json, 'skos:prefLabel': { '@value': label, '@language': 'en' } } : json;
}

/** `published`: the digests of the files published before it, sorted by path. */
export function dcatCatalog(context: Release, files: readonly FileDigest[]): Json {
  const { dataset, baseIri } = context;
  const data = context.graph;
  const datasetNode = data.nodes.find((node) => node.id === dataset.id);
  if (!datasetNode) throw new Error(`the graph has no node for ${dataset.id}`);
  const used = new Set<string>();
  const compact = (node: RdfNode) => {
    const { json, used: terms } = compactNode(node, data.terms, data.prefixes);
    for (const term of terms) used.add(term);
    return json;
  };
  const datasetJson = compact(datasetNode);
  const resources = namedResources(datasetNode, data).map(compact).map(withLabel);
  const fields = dataset;
  const { language } = fields;
  const text = (value: unknown) => ({ '@value': String(value), '@language': language });
  const datasetIri = datasetNode.iri;
  const publisher = datasetJson['dcterms:publisher'] as Json | undefined;
  const { statistics } = data;
  const common: Json = {
    'dcterms:license': { '@id': fields.license },
    'dcterms:issued': { '@value': fields.issued, '@type': 'xsd:date' },
    'dcat:version': fields.version,
    'owl:versionInfo': fields.version,
  };
  // DCAT-AP says it of each distribution; the dataset record says it once, of all the release's files.
  const availability: Json =
    fields.availability === undefined ? {} : { 'dcatap:availability': { '@id': PLANNED_AVAILABILITY + fields.availability } };
  const distributions = files.map((file) => ({ ...distribution(file, context, common), ...availability }));
  const links = distributions.map((d) => ({ '@id': d['@id'] }));
  // Where `partnership serve` answers SPARQL (src/serve/sparql.ts).
  const sparql = `${baseIri}sparql`;
  const dumps = DUMP_PATHS.filter((path) => files.some((file) => file.path === path)).map((path) => ({ '@id': baseIri + path }));
  return {
    '@context': { ...contextFor(data.context, used), ...CATALOGUE_PREFIXES },
    '@graph': [
      {
        '@id': baseIri + CATALOG_PATH,
        '@type': ['void:DatasetDescription', 'foaf:Document'],
        'dcterms:title': text(`Description of the ${fields.title}`),
        'foaf:primaryTopic': { '@id': datasetIri },
      },
      {
        '@id': catalogIri(context),
        '@type': 'dcat:Catalog',
        'dcterms:title': text(fields.title),
        'dcterms:description': text(
          `The catalogue of the ${fields.title}, version ${fields.version}: the dataset and every file of its release.`,
        ),
        ...(publisher ? { 'dcterms:publisher': { '@id': publisher['@id'] } } : {}),
        'dcterms:language': datasetJson['dcterms:language'],
        'dcat:dataset': { '@id': datasetIri },
        'dcat:service': { '@id': sparql },
        'foaf:homepage': typed(baseIri, 'foaf:Document'),
        // The release's dates come from the data, never from the clock: the catalogue changes when a release is issued.
        'dcterms:modified': { '@value': fields.issued, '@type': 'xsd:date' },
        ...common,
      },
      {
        ...datasetJson,
        'dcat:landingPage': typed(baseIri, 'foaf:Document'),
        'owl:versionInfo': fields.version,
        'void:triples': { '@value': String(statistics.triples), '@type': 'xsd:integer' },
        'void:entities': { '@value': String(statistics.entities), '@type': 'xsd:integer' },
        'void:vocabulary': statistics.vocabularies.map((iri) => ({ '@id': iri })),
        ...(dumps.length > 0 ? { 'void:dataDump': dumps } : {}),
        'void:sparqlEndpoint': { '@id': sparql },
        'dcat:distribution': links,
        'schema:distribution': links,
      },
      {
        '@id': sparql,
        '@type': 'dcat:DataService',
        'dcterms:title': text(`SPARQL endpoint of the ${fields.title}`),
        'dcterms:description': text(
          'A read-only SPARQL 1.1 Protocol endpoint over the whole graph, answered by partnership serve (a host serving the release as static files has none).',
        ),
        'dcat:endpointURL': { '@id': sparql },
        'dcat:servesDataset': { '@id': datasetIri },
        'dcterms:license': { '@id': fields.license },
      },
      ...resources,
      ...distributions,
    ],
  };
}

export const dcatCatalogJsonld: Describer = {
  name: 'dcat',
  makes: [CATALOG_PATH],
  describes: (path) => isDistribution(path) && path !== CATALOG_PATH,
  describe: (release, described) => [
    {
      path: CATALOG_PATH,
      content: `${JSON.stringify(dcatCatalog(release, described), null, 2)}\n`,
      mediaType: releaseMediaType(CATALOG_PATH),
    },
  ],
};
