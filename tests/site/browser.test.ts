/**
 * The site in a real browser: Debian's headless Chromium driven by playwright-core,
 * against `partnership serve`'s server on an ephemeral loopback port, over a
 * release of the curated data built once into a temporary folder.
 * `scripts/setup-browser.sh` installs Chromium (CI runs it first); without it these
 * tests skip, saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { jsonldToNQuads } from '../helpers/jsonld-offline.js';
import { createSiteServer } from '../../src/serve/server.js';
import { REAL_DATA } from '../helpers/fixture.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (candidate): candidate is string => candidate !== undefined && existsSync(candidate),
);
if (!CHROMIUM) {
  console.warn('Browser tests skipped: no Chromium found (run `bash scripts/setup-browser.sh`, or set CHROMIUM_PATH).');
}

const RESULTS = path.resolve('test-results');
const SCREENSHOT = path.join(RESULTS, 'overview.png');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of each sort a reader meets: each is checked at a phone's and a desktop's width. */
const PAGES: readonly { name: string; path: string }[] = [
  { name: 'landing', path: '' },
  { name: 'overview', path: 'overview.html' },
  { name: 'document', path: 'joint-statement/' },
  { name: 'list', path: 'agreement/' },
  { name: 'paragraph', path: 'joint-statement/para/9.3/' },
  { name: 'agreement', path: 'agreement/mou-digital-cooperation/' },
  { name: 'organisation', path: 'org/sg-mddi/' },
  { name: 'person', path: 'person/lawrence-wong/' },
  { name: 'search', path: 'search.html?q=digital' },
];
const WIDTHS = [390, 1280] as const;

const SUITE = CHROMIUM
  ? 'the site in headless Chromium'
  : 'the site in headless Chromium (SKIPPED: no Chromium found; run `bash scripts/setup-browser.sh` or set CHROMIUM_PATH)';

describe.skipIf(!CHROMIUM)(SUITE, () => {
  let root: string;
  let dist: string;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let baseIri: string;
  let entityIds: string[];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'site-browser-'));
    dist = path.join(root, 'dist');
    const result = await build({ dataDir: REAL_DATA, outDir: dist });
    if (!result.files) throw new Error(`build failed: ${JSON.stringify(result.diagnostics)}`);
    // The sitemap lists the landing page (at the base IRI) first, then the overview and every entity page.
    const sitemap = await readFile(path.join(dist, 'site/sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
    baseIri = locs[0] ?? '';
    // The entity pages are those with the entity's own JSON-LD beside them (the rest are the lists of each kind).
    entityIds = locs
      .filter((loc) => loc !== baseIri && loc.endsWith('/'))
      .map((loc) => loc.slice(baseIri.length, -1))
      .filter((id) => existsSync(path.join(dist, 'site', `${id}.jsonld`)));
    server = createSiteServer(dist);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('renders the landing page', async () => {
    await page.goto(base);
    expect(await page.title()).toBe('ROK–Singapore Strategic Partnership dataset');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('ROK–Singapore Strategic Partnership dataset');
    expect(await page.getByRole('heading', { name: 'Downloads' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const dataset = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    // The landing page embeds the catalogue: the dataset node among its nodes, in DCAT and schema.org terms.
    const node = dataset['@graph'].find((n: { '@id': string }) => n['@id'] === 'https://w3id.org/sg-kr-partnership/dataset');
    expect(node).toMatchObject({
      '@type': ['dcat:Dataset', 'void:Dataset', 'schema:Dataset'],
      'schema:name': 'ROK–Singapore Strategic Partnership dataset',
      'schema:version': '0.1.0',
    });
  });

  it('navigates from a pillar to a paragraph to an agreement by clicking links', async () => {
    await page.goto(base);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('link', { name: 'Political, Security, and Public Sector Cooperation' }).first().click();
    await page.waitForURL(`${base}pillar/i/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Political, Security, and Public Sector Cooperation');
    await page.getByRole('link', { name: '7.1', exact: true }).click();
    await page.waitForURL(`${base}joint-statement/para/7.1/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Paragraph 7.1');
    await page.getByRole('link', { name: 'MOU on Public Personnel Administration' }).first().click();
    await page.waitForURL(`${base}agreement/mou-public-personnel-administration/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('MOU on Public Personnel Administration');
  });

  it("embeds in every entity page JSON-LD that parses to exactly the entity's quads in partnership.nq", async () => {
    const nquads = (await readFile(path.join(dist, 'partnership.nq'), 'utf8')).split('\n').filter(Boolean);
    const ids = entityIds;
    expect(baseIri).toBe('https://w3id.org/sg-kr-partnership/');
    expect(ids).toContain('joint-statement/para/5.1');
    expect(ids.length).toBeGreaterThan(200);
    // Each entity's quads: its own and its fragments' (`<iri#...>`), by the subject's IRI before any '#'.
    const bySubject = new Map<string, string[]>();
    for (const quad of nquads) {
      const subject = quad.slice(1, quad.indexOf('>'));
      const entity = subject.split('#')[0] ?? subject;
      bySubject.set(entity, [...(bySubject.get(entity) ?? []), quad]);
    }
    // The pages as published (the crawl below fetches every one of them through the server).
    for (const id of ids) {
      const html = await readFile(path.join(dist, 'site', id, 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(scripts.length, id).toBe(1);
      const quads = (await jsonldToNQuads(JSON.parse(scripts[0]?.[1] ?? ''))).split('\n').filter(Boolean);
      const expected = bySubject.get(`${baseIri}${id}`) ?? [];
      expect(expected.length, id).toBeGreaterThan(0);
      expect(quads.sort(), id).toEqual(expected.sort());
    }
    // In the browser too, the embedded data is JSON, not markup.
    await page.goto(`${base}joint-statement/`);
    const embedded = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? 'null');
    expect(embedded['@id']).toBe(`${baseIri}joint-statement`);
  });

  it('has no broken internal links, and every page has its language, one h1 and unique ids', async () => {
    const seen = new Set<string>([base]);
    const broken: string[] = [];
    const visit = async (url: string): Promise<string[]> => {
      const response = await fetch(url);
      if (response.status !== 200) {
        await response.body?.cancel();
        broken.push(`${url} ${response.status}`);
        return [];
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) {
        // A download: its status is what matters here (its bytes are checked against SHA256SUMS elsewhere).
        await response.body?.cancel();
        return [];
      }
      const html = await response.text();
      // Accessible structure on every page: the language, one top heading, no repeated element ids.
      if (!/<html lang="en">/.test(html) || (html.match(/<h1[ >]/g) ?? []).length !== 1) broken.push(`${url} structure`);
      const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
      if (new Set(ids).size !== ids.length) broken.push(`${url} repeats an id`);
      return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].flatMap(([, href = '']) => {
        const target = new URL(href.replace(/&amp;/g, '&'), url);
        target.hash = '';
        return target.origin === new URL(base).origin ? [target.href] : [];
      });
    };
    // A few requests at a time, as a browser makes them.
    let frontier = [base];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (let at = 0; at < frontier.length; at += 8) {
        for (const links of await Promise.all(frontier.slice(at, at + 8).map(visit))) {
          for (const link of links) {
            if (seen.has(link)) continue;
            seen.add(link);
            next.push(link);
          }
        }
      }
      frontier = next;
    }
    expect(broken).toEqual([]);
    // Every entity page, the landing page, the overview and the downloads were reached.
    expect([...seen].filter((u) => u.endsWith('/')).length).toBeGreaterThan(200);
    expect(seen.has(`${base}overview.html`)).toBe(true);
    expect(seen.has(`${base}csv/agreements.csv`)).toBe(true);
  });

  it('shows the overview with its timeline from 1975 to 2025, and saves a screenshot', async () => {
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${base}overview.html`);
    expect(await page.getByRole('heading', { level: 2, name: /^Timeline/ }).textContent()).toBe('Timeline, 1975–2025');
    // Every event is named beside its date, the busy recent years too.
    expect(await page.locator('ol.timeline > li').first().textContent()).toMatch(/^1975/);
    expect(await page.getByRole('link', { name: 'Exchange of four Memoranda of Understanding (MOUs)' }).first().isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Agreements by status' }).isVisible()).toBe(true);
    // Printed, the navigation goes and the content stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Site' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: 'Overview' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('lays out every sort of page at 390 and 1280 px with nothing wider than the screen, and axe-core finds no violation', async () => {
    await mkdir(RESULTS, { recursive: true });
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const { name, path: target } of PAGES) {
        // goto waits for the load event, after which only the search page still fetches (its index).
        await page.goto(`${base}${target}`);
        if (name === 'search') await page.getByRole('status').filter({ hasText: /found/ }).waitFor();
        // Evaluated in the page (as text: the tests are type-checked without the DOM's types).
        const { scrollWidth, clientWidth } = (await page.evaluate(
          '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
        )) as {
          scrollWidth: number;
          clientWidth: number;
        };
        if (scrollWidth > clientWidth) problems.push(`${name} at ${width}px is ${scrollWidth}px wide`);
        // Evaluated, not added as a script tag: the pages' Content-Security-Policy rightly refuses inline scripts.
        await page.evaluate(AXE);
        const violations = (await page.evaluate(
          // Every rule still runs and every violation is reported in full; the passes and the rest are
          // trimmed to one node each (axe's resultTypes), which the test does not read.
          'axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations.map((v) => v.id + ": " + v.nodes.map((n) => JSON.stringify(n.target)).join(" ")))',
        )) as string[];
        for (const violation of violations) problems.push(`${name} at ${width}px: ${violation}`);
        const file = path.join(RESULTS, `site-${name}-${width}.png`);
        await page.screenshot({ path: file });
        if (!existsSync(file)) problems.push(`${name} at ${width}px: no screenshot`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds the MOU on Digital Cooperation and paragraph 9.3 when searching "digital" from any page\'s header', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}person/lawrence-wong/`);
    await page.getByRole('search', { name: 'Site' }).getByRole('searchbox').fill('digital');
    await page.getByRole('search', { name: 'Site' }).getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(`${base}search.html?q=digital`);
    await page.getByRole('status').filter({ hasText: /found/ }).waitFor();
    const results = page.locator('#search-results');
    expect(await results.getByRole('link', { name: 'MOU on Digital Cooperation', exact: true }).isVisible()).toBe(true);
    expect(await results.getByRole('link', { name: 'Paragraph 9.3', exact: true }).isVisible()).toBe(true);
    await results.getByRole('link', { name: 'Paragraph 9.3', exact: true }).click();
    await page.waitForURL(`${base}joint-statement/para/9.3/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Paragraph 9.3');
  });

  it('reads without JavaScript: the paragraph page names its document and section and pages to the next paragraph', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const bare = await context.newPage();
    await bare.goto(`${base}joint-statement/para/9.3/`);
    expect(await bare.locator('.place').textContent()).toBe(
      'In Joint Statement on the Establishment of a Strategic Partnership between the Republic of Korea and the Republic of Singapore › Trade and Economic Cooperation › Paragraph 9',
    );
    await bare.getByRole('link', { name: 'Paragraph 9.4 →' }).click();
    await bare.waitForURL(`${base}joint-statement/para/9.4/`);
    await bare.goto(`${base}agreement/`);
    expect(await bare.getByRole('row').count()).toBeGreaterThan(30);
    await context.close();
  });

  it('answers an unknown path with the 404 page', async () => {
    const response = await page.goto(`${base}agreement/no-such-thing/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
  });
});
