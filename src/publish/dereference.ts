/**
 * Documents for the IRIs the release mints that are not records, so that every IRI
 * dereferences as an entity's does (an HTML page at `site/<path>/index.html`, its
 * JSON-LD at `site/<path>.jsonld` and Turtle at `site/<path>.ttl`, which `serve`
 * negotiates and a plain host serves as files):
 * - `<base>vocab`, the project vocabulary, whose terms and codes are its fragments
 *   (`vocab#status/in-force`);
 * - `<base>dataset/catalog`, the catalogue, whose distributions and checksums are its
 *   fragments (`dataset/catalog#distribution/csv/agreements.csv`).
 */
import type { ReleaseBasis } from '../compile/index.js';
import { compactedTriples } from '../compile/rdf/compacted-triples.js';
import { schemaFilePrefixes } from '../compile/rdf/prefixes.js';
import { type DescriptionStatement, sortedTriples, turtleDescription } from '../compile/rdf/turtle.js';
import { vocabularyStatements } from '../compile/rdf/vocab.js';
import { catalogIri, dcatCatalog, dcatCatalogJsonld } from './dcat.js';
import { JSONLD_MEDIA_TYPE } from './jsonld.js';
import { TURTLE_MEDIA_TYPE } from './rdf.js';
import { html, type Html } from './site/html.js';
import { renderPage } from './site/layout.js';
import { HTML_MEDIA_TYPE } from './media-types.js';
import type { Describer, Publisher } from './types.js';

export const VOCAB_ID = 'vocab';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const RDFS_COMMENT = 'http://www.w3.org/2000/01/rdf-schema#comment';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

type Json = { [key: string]: unknown };

/** Statements as JSON-LD, a node per subject with full IRIs as keys: nothing to coerce, nothing dropped. */
export function statementsJsonld(statements: readonly DescriptionStatement[], prefixes: Readonly<Record<string, string>>): Json {
  const nodes = new Map<string, Json>();
  for (const { subject, predicate, object } of statements) {
    const node = nodes.get(subject) ?? { '@id': subject };
    nodes.set(subject, node);
    const terms = Array.isArray(object) ? object : [object];
    const values = terms.map((term) => {
      if (term.kind === 'iri') return { '@id': term.iri };
      if (term.lang) return { '@value': term.value, '@language': term.lang };
      return term.datatype ? { '@value': term.value, '@type': term.datatype } : { '@value': term.value };
    });
    const key = predicate === RDF_TYPE ? '@type' : predicate;
    const value =
      predicate === RDF_TYPE ? values.map((v) => ('@id' in v ? v['@id'] : '')) : Array.isArray(object) ? [{ '@list': values }] : values;
    node[key] = [...((node[key] as unknown[] | undefined) ?? []), ...value];
  }
  return { '@context': prefixes, '@graph': [...nodes.values()] };
}

/** Where a document of a minted IRI's path lives in the site. */
function documentPaths(id: string) {
  return { page: `site/${id}/index.html`, jsonld: `site/${id}.jsonld`, turtle: `site/${id}.ttl` };
}

function page(context: ReleaseBasis, id: string, title: string, body: Html, jsonld: string) {
  const fields = context.dataset;
  const paths = documentPaths(id);
  const name = id.split('/').at(-1) ?? id;
  return renderPage({
    path: paths.page,
    title,
    lang: fields.language,
    siteName: fields.title,
    body,
    jsonld,
    alternates: [
      { mediaType: JSONLD_MEDIA_TYPE, href: `../${name}.jsonld` },
      { mediaType: TURTLE_MEDIA_TYPE, href: `../${name}.ttl` },
    ],
  });
}

/** The vocabulary's page: a section per term, its id the term's fragment, so `vocab#x` lands on it. */
function vocabularyBody(statements: readonly DescriptionStatement[], namespace: string): Html {
  const subjects = [...new Set(statements.map((s) => s.subject))].filter((s) => s.startsWith(namespace));
  const first = (subject: string, predicate: string) => {
    const found = statements.find((s) => s.subject === subject && s.predicate === predicate)?.object;
    return found && !Array.isArray(found) && found.kind === 'literal' ? found.value : '';
  };
  return html`<h1>Project vocabulary</h1>
<p>${first(namespace.slice(0, -1), RDFS_COMMENT)} Also as <a href="../vocab.ttl">Turtle</a> and <a href="../vocab.jsonld">JSON-LD</a>.</p>
${subjects.map((subject) => {
  const fragment = subject.slice(namespace.length);
  return html`<section id="${fragment}"><h2><code>spv:${fragment}</code> ${first(subject, RDFS_LABEL)}</h2>${first(subject, RDFS_COMMENT) ? html`<p>${first(subject, RDFS_COMMENT)}</p>` : ''}</section>\n`;
})}`;
}

function catalogueBody(catalogue: Json): Html {
  const graph = (catalogue['@graph'] as Json[] | undefined) ?? [];
  const distributions = graph.filter((node) => [node['@type']].flat().includes('dcat:Distribution'));
  return html`<h1>Catalogue</h1>
<p>The release's catalogue in DCAT: the dataset and every file of the release. Also as <a href="../catalog.ttl">Turtle</a> and <a href="../catalog.jsonld">JSON-LD</a>.</p>
<ul>
${distributions.map((d) => {
  const id = String(d['@id']);
  const fragment = id.slice(id.indexOf('#') + 1);
  return html`<li id="${fragment}">${String(d['dcterms:title'])}</li><li id="${fragment.replace(/^distribution\//, 'checksum/')}">SHA-256 of ${String(d['dcterms:title'])}</li>\n`;
})}</ul>`;
}

/** The project vocabulary's documents: `<base>vocab` and its terms and codes as fragments. */
export const vocabularyDocuments: Publisher = {
  name: 'vocabulary-documents',
  async publish(context, sink) {
    const prefixes = schemaFilePrefixes(context.baseIri);
    const vocab = vocabularyStatements(context.schemas, context.baseIri, context.dataset.title);
    const vocabJsonld = `${JSON.stringify(statementsJsonld(vocab, prefixes), null, 2)}\n`;
    const paths = documentPaths(VOCAB_ID);
    await sink.add({ path: paths.turtle, content: turtleDescription(vocab, prefixes), mediaType: TURTLE_MEDIA_TYPE });
    await sink.add({ path: paths.jsonld, content: vocabJsonld, mediaType: JSONLD_MEDIA_TYPE });
    const namespace = `${context.baseIri}${VOCAB_ID}#`;
    const body = vocabularyBody(vocab, namespace);
    await sink.add({
      path: paths.page,
      content: page(context, VOCAB_ID, 'Project vocabulary', body, vocabJsonld),
      mediaType: HTML_MEDIA_TYPE,
    });
  },
};

/** Where the catalogue's documents go: `<base>dataset/catalog` with its distributions and checksums as fragments. */
function cataloguePaths(context: ReleaseBasis) {
  return documentPaths(catalogIri(context).slice(context.baseIri.length));
}

/** The catalogue's documents: catalog.jsonld as it is, its Turtle and its page (it describes what the catalogue describes). */
export const catalogueDocuments: Describer = {
  name: 'catalogue-documents',
  // The dataset record's id is always `dataset` (its schema says so), so these are catalogIri's documents.
  makes: Object.values(documentPaths('dataset/catalog')),
  describes: dcatCatalogJsonld.describes,
  describe(context, described) {
    const prefixes = schemaFilePrefixes(context.baseIri);
    const catalogue = dcatCatalog(context, described);
    const catalogueText = `${JSON.stringify(catalogue, null, 2)}\n`;
    const id = catalogIri(context).slice(context.baseIri.length);
    const paths = cataloguePaths(context);
    // Its triples in sorted N-Quads order, every prefix declared: what jsonld.js's N-Quads through N3.js's Writer gave.
    const turtle = turtleDescription(sortedTriples(compactedTriples(catalogue)), prefixes);
    return [
      { path: paths.jsonld, content: catalogueText, mediaType: JSONLD_MEDIA_TYPE },
      { path: paths.turtle, content: turtle, mediaType: TURTLE_MEDIA_TYPE },
      { path: paths.page, content: page(context, id, 'Catalogue', catalogueBody(catalogue), catalogueText), mediaType: HTML_MEDIA_TYPE },
    ];
  },
};
