import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/publish/digest.js';
import { escapeHtml, html, jsonForScript } from '../../src/publish/site/html.js';
import { relativeHref } from '../../src/publish/site/paths.js';
import { jsonldToNQuads } from '../helpers/jsonld-offline.js';
import { compiledRelease, FICTIONAL_DATA, fictionalRelease } from '../helpers/fixture.js';

type Release = Awaited<ReturnType<typeof fictionalRelease>>;

/** Each marker is in the text, in the order given. */
function expectInOrder(text: string, markers: readonly string[]): void {
  const at = markers.map((marker) => text.indexOf(marker));
  expect(
    at.every((position) => position > 0),
    JSON.stringify(markers),
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}
let release: Release;

beforeAll(async () => {
  release = await fictionalRelease();
});

describe('escaping', () => {
  it('escapes interpolated text, keeps built markup, and keeps JSON from closing its script', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<b>'}${html`<i>ok</i>`}${[1, null, undefined, false, 'x']}</p>`.value).toBe('<p>&lt;b&gt;<i>ok</i>1x</p>');
    expect(jsonForScript('{"a":"</script><!--"}').value).toBe('{"a":"\\u003c/script>\\u003c!--"}');
    expect(jsonForScript('{"a":"x\u2028y\u2029z"}').value).toBe('{"a":"x\\u2028y\\u2029z"}');
    expect(jsonForScript('{"a":"plain"}').value).toBe('{"a":"plain"}');
  });
});

describe('relative links', () => {
  it('link between pages of any depth without leaving the release', () => {
    expect(relativeHref('site/index.html', 'site/agreement/x/index.html')).toBe('agreement/x/');
    expect(relativeHref('site/agreement/x/index.html', 'site/index.html')).toBe('../../');
    expect(relativeHref('site/accord/para/1.1/index.html', 'site/accord/para/1/index.html')).toBe('../1/');
    expect(relativeHref('site/index.html', 'records.json')).toBe('../records.json');
    expect(relativeHref('site/agreement/x/index.html', 'site/agreement/x.jsonld')).toBe('../x.jsonld');
    expect(relativeHref('site/index.html', 'site/index.html')).toBe('./');
  });
});

describe('the fictional site', () => {
  it('has a page per entity at its IRI path, a list per kind, the landing page, overview, commitment tracker, search, 404 page, stylesheet and sitemap', () => {
    const paths = release.artifacts.map((a) => a.path).filter((p) => p.startsWith('site/') && !/\.(jsonld|ttl)$/.test(p));
    const expected = release.catalog.records.map((r) => `site/${r.id}/index.html`);
    // A list at the folder the ids share (the IRI path above the entities); documents share none, so their table's name.
    const lists = [
      'accord/para',
      'accord/section',
      'agreement',
      'commitment',
      'country',
      'documents',
      'event',
      'org',
      'partnership',
      'person',
      'pillar',
      'quotation',
      'source',
      'statistic',
    ].map((folder) => `site/${folder}/index.html`);
    const site = [
      'index.html',
      'overview.html',
      'tracker.html',
      'sitemap.xml',
      'style.css',
      'search.html',
      'search.js',
      'search-index.json',
      'list.js',
      '404.html',
    ].map((file) => `site/${file}`);
    // Also the pages of the two IRIs minted beside the records: the vocabulary and the catalogue.
    const minted = ['site/vocab/index.html', 'site/dataset/catalog/index.html'];
    expect(paths.sort()).toEqual([...site, ...lists, ...minted, ...expected].sort());
    expect(release.text('site/sitemap.xml')).toContain('<loc>https://example.org/fictional/accord/para/</loc>');
    expect(release.text('site/sitemap.xml')).toContain('<loc>https://example.org/fictional/agreement/ports-mou/</loc>');
    expect(release.text('site/sitemap.xml')).toContain('<loc>https://example.org/fictional/</loc>');
  });

  it('describes the dataset from its record, with sizes and checksums of the downloads', async () => {
    const landing = release.text('site/index.html');
    expect(landing).toContain('<html lang="en">');
    expect(landing).toContain('<h1>FICTIONAL Arcadia–Borealis Partnership test dataset</h1>');
    expect(landing).toContain('<dt>Version</dt><dd>1.2.3</dd>');
    const records = release.text('records.json');
    const hash = sha256Hex(Buffer.from(records));
    expect(landing).toContain(
      `<li><a href="records.json">records.json</a> — Every record as plain JSON, by kind<span class="meta">application/json · <span title="${Buffer.byteLength(records)} bytes">`,
    );
    expect(landing).toContain(`<code>${hash}</code>`);
    expect(landing).toContain(
      '<cite>Test fixture authors (2030). FICTIONAL Arcadia–Borealis Partnership test dataset (version 1.2.3) [Data set]. https://example.org/fictional/</cite>',
    );
    const jsonld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(landing)?.[1] ?? '{}');
    // The page embeds the catalogue, so a harvester merging the page and catalog.jsonld meets each statement once.
    expect(jsonld).toEqual(JSON.parse(release.text('catalog.jsonld')));
    // Offline: the context is inline, so jsonld.js reads it with a loader that refuses the network.
    const quads = await jsonldToNQuads(jsonld);
    expect(quads).toContain(
      '<https://example.org/fictional/dataset> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Dataset> .\n',
    );
    expect(quads).toContain('<https://example.org/fictional/dataset> <https://schema.org/version> "1.2.3" .\n');
    expect(quads).toContain(
      '<https://example.org/fictional/dataset> <https://schema.org/license> <https://creativecommons.org/licenses/by/4.0/> .\n',
    );
    expect(quads).toContain(
      `<https://example.org/fictional/dataset/catalog#checksum/records.json> <http://spdx.org/rdf/terms#checksumValue> "${hash}"^^<http://www.w3.org/2001/XMLSchema#hexBinary> .\n`,
    );
    expect(quads).toContain(
      `<https://example.org/fictional/dataset/catalog#distribution/records.json> <http://www.w3.org/ns/dcat#byteSize> "${Buffer.byteLength(records)}"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .\n`,
    );
    expect(landing).toContain('<li><a href="agreement/">Agreements</a><span class="count">2</span></li>');
    // What the partnership is comes first, then the ways in, the records, the downloads and the dataset's details.
    expectInOrder(landing, [
      '<h2 id="partnership">Arcadia–Borealis Partnership</h2>',
      '<h2 id="pillars">',
      '<h2 id="explore">',
      '<h2 id="browse">',
      '<h2 id="downloads">',
      '<h2 id="dataset">',
      '<h2 id="cite">',
    ]);
    expect(landing).toContain(
      '<dt>Licence</dt><dd><a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a></dd>',
    );
    // The ways in: the list of agreements, and the commitments through their tracker.
    expect(landing).toContain('<li><a href="agreement/">Agreements</a><span class="count">2 recorded, with their status</span></li>');
    expect(landing).toContain('<li><a href="tracker.html">Commitments</a><span class="count">2 recorded, with their status</span></li>');
    // SHA256SUMS comes after the site and covers it.
    expect(release.text('SHA256SUMS')).toContain(`${sha256Hex(Buffer.from(landing))}  site/index.html\n`);
  });

  it('reads the document as a document: sections in order, numbered paragraphs nested, each linked to what it cites', () => {
    const whole = release.text('site/accord/index.html');
    const page = whole.slice(whole.indexOf('<section class="document"'));
    expectInOrder(page, ['>I. Trade, Fictionally<', '>1</a>', '>1.1</a>', '>1.2</a>', '>2</a>', '>Implementation<', '>3</a>']);
    expect(page).toContain('<p class="refs">Cites: <a href="../agreement/ports-mou/">MOU on Ports</a></p>');
    expect(page).toContain('<span class="text">The foreign office reviews progress.\nMinisters keep oversight.</span>');
  });

  it("shows an entity's fields in plain language with references named by their labels", () => {
    const page = release.text('site/agreement/ports-mou/index.html');
    expect(page).toContain('<h1>MOU on Ports</h1>');
    expect(page).toContain(
      '<nav aria-label="Breadcrumb" class="trail"><ol><li><a href="../../">Home</a></li><li><a href="../">Agreements</a></li><li aria-current="page">MOU on Ports</li></ol></nav>',
    );
    // A fact written as a claim shows its value, the words it rests on and its source.
    expect(page).toContain(
      '<dt>Kind</dt><dd><div class="claim"><span class="claim-value">memorandum of understanding</span><div class="claim-words">Stated as <q class="quoted">the MOU on Ports</q></div><ol class="citations"><li><a href="../../source/arcadia-gazette-2030-01-10/">',
    );
    // Plain words for readers: no schema descriptions, CURIEs or YAML talk.
    expect(page.slice(page.indexOf('<main'))).not.toMatch(/YAML|schema:|skos:|Ids of the source/);
    // Key facts before the texts, the note, the sources and the data.
    expectInOrder(page, ['<h2 id="facts">', '<h2 id="note">', '<h2 id="sources">', '<h2 id="as-data">']);
    // Sources cited by title, publisher and date; the record as data in three forms; how to cite it; the licence by name.
    expect(page).toContain(
      '<li><a href="../../source/arcadia-gazette-2030-01-10/">[Fictional press release on the Arcadia–Borealis Summit]</a>. Foreign Office of Arcadia, <time datetime="2030-01-10">2030-01-10</time>.</li>',
    );
    expect(page).toContain(
      '<p>As data: <a href="../ports-mou.jsonld" type="application/ld+json">JSON-LD</a> · <a href="../ports-mou.ttl" type="text/turtle">Turtle</a> · <a href="../../csv/agreements.csv" type="text/csv">CSV row</a>',
    );
    expect(page).toContain(
      'How to cite: <cite>Test fixture authors (2030). “MOU on Ports” (agreement). In FICTIONAL Arcadia–Borealis Partnership test dataset (version 1.2.3) [Data set]. https://example.org/fictional/agreement/ports-mou</cite>',
    );
    expect(page).toContain('Data licensed under <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>');
    expect(page).toContain('<a href="../../org/xb-harbour-board/">Harbour Board of Borealis</a>');
    expect(page).toContain('<a href="../../accord/para/1.2/">Paragraph 1.2</a>');
    expect(page).toContain('<link rel="alternate" type="application/ld+json" href="../ports-mou.jsonld">');
    expect(page).toContain('<link rel="alternate" type="text/turtle" href="../ports-mou.ttl">');
  });

  it('draws the overview chain and the timeline from the data', () => {
    const page = release.text('site/overview.html');
    expect(page).toMatch(
      /<li class="chain"><div><a href="accord\/para\/1\.2\/">Paragraph 1\.2<\/a><\/div><div class="arrow" data-label="Agreements cited"><ul aria-label="agreements" class="chips"><li class="chip"><a href="agreement\/ports-mou\/">MOU on Ports<\/a><\/li><\/ul><\/div><div class="arrow" data-label="Organisations party to them"><ul aria-label="organisations" class="chips"><li class="chip"><a href="org\/xa-foreign-office\/">Foreign Office of Arcadia<\/a><\/li><li class="chip"><a href="org\/xb-harbour-board\/">Harbour Board of Borealis<\/a>/,
    );
    // The timeline is text grouped by year (no links inside an image), and the instruments are charted by their codes.
    expect(page).not.toContain('<svg');
    expect(page).toContain(
      '<li><span class="year">2030</span><ul><li><time datetime="2030-01-09">2030-01-09</time><a href="event/2030-summit/">Arcadia–Borealis Summit</a></li></ul></li>',
    );
    expect(page).toContain('<caption>Agreements by status</caption>');
    expect(page).toContain('<tr><th scope="row">in force</th><td class="bar"><span style="width: 80.0%"></span>1</td></tr>');
  });

  it("names a paragraph's document and section and links the paragraphs before and after it", () => {
    const page = release.text('site/accord/para/1.1/index.html');
    expect(page).toContain(
      '<p class="place">In <a href="../../">Accord on the Arcadia–Borealis Partnership</a> › <a href="../../section/i/">Trade, Fictionally</a> › <a href="../1/">Paragraph 1</a></p>',
    );
    expect(page).toContain('<a href="../1/" rel="prev">← Paragraph 1</a><a href="../1.2/" rel="next">Paragraph 1.2 →</a>');
    // Across sections too: the last paragraph of one leads to the first of the next.
    expect(release.text('site/accord/para/2/index.html')).toContain('<a href="../3/" rel="next">Paragraph 3 →</a>');
    expect(release.text('site/accord/para/3/index.html')).not.toContain('rel="next"');
  });

  it('lists every kind with the facts that tell its records apart', () => {
    const page = release.text('site/agreement/index.html');
    expect(page).toContain(
      '<thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Date signed</th><th scope="col">Date in force</th><th scope="col">Parties</th></tr></thead>',
    );
    expect(page).toContain(
      '<tr><th scope="row"><a href="ports-mou/">MOU on Ports</a></th><td data-label="Kind">memorandum of understanding</td><td data-label="Status">planned</td><td data-label="Date signed"></td><td data-label="Date in force"></td><td data-label="Parties"><a href="../org/xa-foreign-office/">Foreign Office of Arcadia</a>, <a href="../org/xb-harbour-board/">Harbour Board of Borealis</a></td></tr>',
    );
    expect(page).toContain('<script src="../list.js" defer></script>');
  });

  it('indexes every record for the search page, with its words', () => {
    const index = JSON.parse(release.text('site/search-index.json')) as { t: string; k: string; u: string; x: string }[];
    expect(index).toHaveLength(release.catalog.records.length);
    expect(index).toContainEqual({ t: 'Paragraph 1.2', k: 'Paragraph', u: 'accord/para/1.2/', x: 'Sign a memorandum on ports.' });
    const search = release.text('site/search.html');
    expect(search).toContain(
      '<form id="search-form" role="search" aria-label="Search page" action="search.html" data-index="search-index.json">',
    );
    expect(search).toContain('<script src="search.js" defer></script>');
    // Every page's header searches.
    expect(release.text('site/agreement/ports-mou/index.html')).toContain(
      '<form class="site-search" role="search" aria-label="Site" action="../../search.html">',
    );
  });

  it('has a 404 page that works at any path: absolute links, the stylesheet inline', () => {
    const page = release.text('site/404.html');
    expect(page).toContain('<h1>Page not found</h1>');
    expect(page).toContain('<style>');
    expect(page).not.toContain('<link rel="stylesheet"');
    expect(page).toContain('<a href="https://example.org/fictional/search.html">Search the records</a>');
    expect(page).toContain('<form class="site-search" role="search" aria-label="Site" action="https://example.org/fictional/search.html">');
    for (const [, href] of page.matchAll(/\shref="([^"]*)"/g)) expect(href, href).toMatch(/^(https?:\/\/|#)/);
  });
});

describe('data is never markup', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('escapes a <script> in a value on every page that shows it, and in the embedded JSON-LD', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'site-escape-'));
    await cp(FICTIONAL_DATA, dir, { recursive: true });
    const file = path.join(dir, 'organisations/xb-harbour-board.yaml');
    const yaml = await readFile(file, 'utf8');
    await writeFile(file, yaml.replace(/^name: .*$/m, 'name: "Harbour <script>alert(1)</script> Board"'));
    const escaped = await compiledRelease(dir);
    const pages = escaped.artifacts.filter((a) => a.path.endsWith('.html'));
    const showing = pages.filter((a) => String(a.content).includes('Harbour &lt;script&gt;alert(1)&lt;/script&gt; Board'));
    expect(showing.map((a) => a.path)).toEqual(
      expect.arrayContaining(['site/org/xb-harbour-board/index.html', 'site/agreement/ports-mou/index.html', 'site/overview.html']),
    );
    for (const page of pages) expect(String(page.content), page.path).not.toContain('<script>alert');
    expect(escaped.text('site/org/xb-harbour-board/index.html')).toContain('Harbour \\u003cscript>alert(1)\\u003c/script> Board');
  });
});
