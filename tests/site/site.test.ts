import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/publish/digest.js';
import { escapeHtml, html, jsonForScript } from '../../src/publish/site/html.js';
import { relativeHref } from '../../src/publish/site/paths.js';
import { jsonldToNQuads } from '../../src/compile/rdf/jsonld-offline.js';
import { compiledRelease, FICTIONAL_DATA, fictionalRelease } from '../helpers/fixture.js';

type Release = Awaited<ReturnType<typeof fictionalRelease>>;
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
  it('has a page per entity at its IRI path, the landing page, overview, commitment tracker, stylesheet and sitemap', () => {
    const paths = release.artifacts.map((a) => a.path).filter((p) => p.startsWith('site/') && !/\.(jsonld|ttl)$/.test(p));
    const expected = release.catalog.records.map((r) => `site/${r.id}/index.html`);
    // Also the pages of the two IRIs minted beside the records: the vocabulary and the catalogue.
    const minted = ['site/vocab/index.html', 'site/dataset/catalog/index.html'];
    expect(paths.sort()).toEqual(['site/index.html', 'site/overview.html', 'site/tracker.html', 'site/sitemap.xml', 'site/style.css', ...minted, ...expected].sort());
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
    expect(landing).toContain(`<td><a href="records.json">records.json</a></td><td>application/json</td><td class="num" title="${Buffer.byteLength(records)} bytes">`);
    expect(landing).toContain(`<code>${hash}</code>`);
    expect(landing).toContain('<cite>Test fixture authors (2030). FICTIONAL Arcadia–Borealis Partnership test dataset (version 1.2.3) [Data set]. https://example.org/fictional/</cite>');
    const jsonld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(landing)?.[1] ?? '{}');
    // The page embeds the catalogue, so a harvester merging the page and catalog.jsonld meets each statement once.
    expect(jsonld).toEqual(JSON.parse(release.text('catalog.jsonld')));
    // Offline: the context is inline, so jsonld.js reads it with a loader that refuses the network.
    const quads = await jsonldToNQuads(jsonld);
    expect(quads).toContain('<https://example.org/fictional/dataset> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Dataset> .\n');
    expect(quads).toContain('<https://example.org/fictional/dataset> <https://schema.org/version> "1.2.3" .\n');
    expect(quads).toContain('<https://example.org/fictional/dataset> <https://schema.org/license> <https://creativecommons.org/licenses/by/4.0/> .\n');
    expect(quads).toContain(`<https://example.org/fictional/dataset/catalog#checksum/records.json> <http://spdx.org/rdf/terms#checksumValue> "${hash}"^^<http://www.w3.org/2001/XMLSchema#hexBinary> .\n`);
    expect(landing).toContain('<details><summary>Agreement (2)</summary><ul><li><a href="agreement/free-trade-treaty/">Arcadia–Borealis Free Trade Treaty</a></li><li><a href="agreement/ports-mou/">MOU on Ports</a></li></ul></details>');
    // SHA256SUMS comes after the site and covers it.
    expect(release.text('SHA256SUMS')).toContain(`${sha256Hex(Buffer.from(landing))}  site/index.html\n`);
  });

  it('reads the document as a document: sections in order, numbered paragraphs nested, each linked to what it cites', () => {
    const page = release.text('site/accord/index.html');
    const order = ['>I. Trade, Fictionally<', '>1</a>', '>1.1</a>', '>1.2</a>', '>2</a>', '>Implementation<', '>3</a>'].map((s) => page.indexOf(s));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('<p class="refs">Cites: <a href="../agreement/ports-mou/">MOU on Ports</a></p>');
    expect(page).toContain('<span class="text">The foreign office reviews progress.\nMinisters keep oversight.</span>');
  });

  it('shows an entity\'s fields in plain language with references named by their labels', () => {
    const page = release.text('site/agreement/ports-mou/index.html');
    expect(page).toContain('<h1>MOU on Ports</h1>');
    expect(page).toContain('<nav aria-label="Breadcrumb" class="trail"><ol><li><a href="../../#browse">Agreement</a></li><li aria-current="page">MOU on Ports</li></ol></nav>');
    expect(page).toContain('<dd>memorandum of understanding</dd>');
    expect(page).toContain('<a href="../../org/xb-harbour-board/">Harbour Board of Borealis</a>');
    expect(page).toContain('<a href="../../accord/para/1.2/">Paragraph 1.2</a>');
    expect(page).toContain('<link rel="alternate" type="application/ld+json" href="../ports-mou.jsonld">');
    expect(page).toContain('<link rel="alternate" type="text/turtle" href="../ports-mou.ttl">');
  });

  it('draws the overview chain and the timeline from the data', () => {
    const page = release.text('site/overview.html');
    expect(page).toMatch(/<li class="chain"><div><a href="accord\/para\/1\.2\/">Paragraph 1\.2<\/a><\/div><div class="arrow"><ul aria-label="agreements" class="chips"><li class="chip"><a href="agreement\/ports-mou\/">MOU on Ports<\/a><\/li><\/ul><\/div><div class="arrow"><ul aria-label="organisations" class="chips"><li class="chip"><a href="org\/xa-foreign-office\/">Foreign Office of Arcadia<\/a><\/li><li class="chip"><a href="org\/xb-harbour-board\/">Harbour Board of Borealis<\/a>/);
    expect(page).toContain('<svg role="img" aria-labelledby="timeline-title" aria-describedby="timeline-desc"');
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
    expect(showing.map((a) => a.path)).toEqual(expect.arrayContaining(['site/org/xb-harbour-board/index.html', 'site/agreement/ports-mou/index.html', 'site/overview.html']));
    for (const page of pages) expect(String(page.content), page.path).not.toContain('<script>alert');
    expect(escaped.text('site/org/xb-harbour-board/index.html')).toContain('Harbour \\u003cscript>alert(1)\\u003c/script> Board');
  });
});
