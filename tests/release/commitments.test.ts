import { existsSync, readFileSync } from 'node:fs';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { beforeAll, describe, expect, it } from 'vitest';
import { longestHeldPrefix } from '../../src/validate/checks/excerpts.js';
import { recordsOf } from '../../src/model/catalog.js';
import { fictionalRelease, REAL_DATA, type Release, sharedRelease } from '../helpers/fixture.js';
import { parseCsv } from '../helpers/read-tables.js';
import { loadNQuads, runQuery } from '../../src/query/run.js';
import { dataPrefixes } from '../../src/compile/rdf/prefixes.js';

const BASE = 'https://w3id.org/sg-kr-partnership/';
const SPV = `${BASE}vocab#`;
const PROV = 'http://www.w3.org/ns/prov#';
/** The curators' source archive sits beside the repository, not in it: the word-for-word checks run where it is at hand. */
const SOURCES_DIR = new URL('../../../shared/sources/', import.meta.url);
const ARCHIVE_AT_HAND = existsSync(SOURCES_DIR);
if (!ARCHIVE_AT_HAND) console.warn(`Word-for-word checks against the source archive skipped: no ${SOURCES_DIR.pathname}`);

let real: Release;

beforeAll(async () => {
  real = await sharedRelease(REAL_DATA);
});

const commitments = () => recordsOf(real.catalog, 'commitment');
type Evidence = { value: string; date?: string; statedAs?: string; inferred?: boolean; sources: string[]; note?: string };
const evidenceOf = (id: string) => real.catalog.byId.get(id)?.fields.status as Evidence[];

describe('the commitments of the joint statement', () => {
  it('are 67 records, each from a paragraph 5 to 23 and each action an unchanged excerpt of its text', () => {
    expect(commitments()).toHaveLength(67);
    for (const commitment of commitments()) {
      const paragraph = real.catalog.byId.get(String(commitment.fields.paragraph));
      expect(paragraph?.kind).toBe('paragraph');
      const top = Number(String(paragraph?.fields.number).split('.')[0]);
      expect(top).toBeGreaterThanOrEqual(5);
      expect(top).toBeLessThanOrEqual(24);
      expect(String(paragraph?.fields.text)).toContain(String(commitment.fields.action));
    }
  });

  it('are all announced on 2 November 2025 by the press release, and later states each rest on a source', () => {
    for (const commitment of commitments()) {
      const [first, ...later] = evidenceOf(commitment.id);
      expect(first).toEqual({
        value: 'announced',
        date: '2025-11-02',
        statedAs: 'Prime Minister Wong and President Lee announced the upgrade of Singapore-ROK relations to a Strategic Partnership.',
        sources: ['source/press-release-2025-11-02'],
      });
      for (const evidence of later) expect(evidence.sources.length).toBeGreaterThan(0);
    }
    const furthest = (id: string) => evidenceOf(id).map((e) => e.value);
    expect(furthest('commitment/14-1-mou-digital-cooperation')).toEqual(['announced', 'done', 'done']);
    expect(furthest('commitment/6-1-renew-iea')).toEqual(['announced', 'done']);
    expect(furthest('commitment/9-2-agri-food-trade')).toEqual(['announced', 'under-way', 'under-way']);
    expect(evidenceOf('commitment/9-2-agri-food-trade')[1]?.date).toBe('2025-10');
  });

  it.skipIf(!ARCHIVE_AT_HAND)('quote every source word for word: each statedAs is in the archived text of a source it cites', () => {
    const archive = new Map(
      recordsOf(real.catalog, 'source').map((s) => [
        s.id,
        readFileSync(new URL(String(s.fields.archiveFile), SOURCES_DIR), 'utf8').replace(/\s+/g, ' '),
      ]),
    );
    let quoted = 0;
    for (const commitment of commitments()) {
      for (const evidence of evidenceOf(commitment.id)) {
        if (!evidence.statedAs) continue;
        quoted += 1;
        expect(
          evidence.sources.some((id) => archive.get(id)?.includes(evidence.statedAs ?? '')),
          `${commitment.id}: ${evidence.statedAs}`,
        ).toBe(true);
      }
    }
    expect(quoted).toBeGreaterThanOrEqual(10);
  });
});

describe('the commitments in the release', () => {
  it('fill the commitments table and its child tables, the status evidence with its sources', () => {
    const table = parseCsv(real.text('csv/commitments.csv'));
    expect(table.header).toEqual(['id', 'iri', 'paragraph', 'action', 'timing', 'note']);
    expect(table.rows).toHaveLength(67);
    expect(table.rows.find((r) => r.id === 'commitment/6-1-defence-cooperation')).toMatchObject({
      paragraph: 'joint-statement/para/6.1',
      timing: 'annual',
    });
    const status = parseCsv(real.text('csv/commitment_status_claims.csv'));
    expect(status.header).toEqual(['commitment_id', 'position', 'value', 'date', 'stated_as', 'inferred', 'note']);
    expect(
      status.rows.filter((r) => r.commitment_id === 'commitment/9-2-agri-food-trade').map((r) => [r.value, r.date, r.inferred]),
    ).toEqual([
      ['announced', '2025-11-02', ''],
      ['under-way', '2025-10', ''],
      ['under-way', '', ''],
    ]);
    const statusSources = parseCsv(real.text('csv/commitment_status_claim_sources.csv'));
    expect(statusSources.header).toEqual(['commitment_id', 'status_position', 'source_id', 'position']);
    expect(
      statusSources.rows.filter((r) => r.commitment_id === 'commitment/6-1-renew-iea').map((r) => [r.status_position, r.source_id]),
    ).toEqual([
      ['1', 'source/press-release-2025-11-02'],
      ['2', 'source/indo-pacific-defense-forum-article'],
    ]);
    const parties = parseCsv(real.text('csv/commitment_parties.csv'));
    expect(parties.rows.filter((r) => r.commitment_id === 'commitment/19-akfta-upgrade').map((r) => r.party_id)).toEqual(['country/sg']);
    expect(status.rows.filter((r) => r.inferred === 'true').map((r) => r.commitment_id)).toHaveLength(7);
    expect(real.text('csv-metadata.json')).toContain('"csv/commitment_status_claims.csv"');
    expect(real.text('datapackage.json')).toContain('"commitment_status_claim_sources"');
    expect(real.text('DATA-DICTIONARY.md')).toContain(
      '| `paragraph` | id | yes | The paragraph or sub-paragraph that makes the commitment. | `spv:statedIn` | `paragraphs.id` |',
    );
  });

  it('are nodes of the graph: the claim with its state, date, quoted words and the source it derives from', () => {
    const nq = real.text('partnership.nq');
    const claim = `<${BASE}commitment/9-2-agri-food-trade#status-2>`;
    expect(nq).toContain(`<${BASE}commitment/9-2-agri-food-trade> <${SPV}statusClaim> ${claim} .`);
    expect(nq).toContain(`<${BASE}commitment/9-2-agri-food-trade> <${SPV}statedIn> <${BASE}joint-statement/para/9.2> .`);
    expect(nq).toContain(`${claim} <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> <${SPV}commitment-status/under-way> .`);
    expect(nq).toContain(`${claim} <http://purl.org/dc/terms/date> "2025-10"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .`);
    expect(nq).toContain(`${claim} <${PROV}wasDerivedFrom> <${BASE}source/press-release-2025-11-02> .`);
    expect(nq).toContain(
      `${claim} <${SPV}statedAs> "In October 2025, Singapore approved the import of frozen/chilled beef and pork from Jeju Island and heat-processed egg products from the ROK."@en .`,
    );
    expect(real.text('vocab.ttl')).toContain('spv:Commitment a rdfs:Class');
  });

  it('answer a competency question in SPARQL: which went beyond announced, on a source’s own words', () => {
    const query = readFileSync(new URL('../linked-data/queries/commitments-beyond-announced.rq', import.meta.url), 'utf8');
    const result = runQuery(loadNQuads(real.text('partnership.nq')), query, dataPrefixes(BASE));
    if (result.kind !== 'solutions') throw new Error('not a SELECT query');
    const rows = result.rows.map((row) => [
      row.notation?.value ?? '',
      row.number?.value,
      row.commitment?.value.replace(BASE, ''),
      row.state?.value.replace(`${SPV}commitment-status/`, ''),
      row.source?.value.replace(BASE, ''),
    ]);
    expect(rows).toEqual([
      ['II', '9.2', 'commitment/9-2-agri-food-trade', 'under-way', 'source/korea-bizwire-2025-11-02'],
      ['II', '9.2', 'commitment/9-2-agri-food-trade', 'under-way', 'source/press-release-2025-11-02'],
      ['IV', '14.1', 'commitment/14-1-mou-digital-cooperation', 'done', 'source/korea-bizwire-2025-11-02'],
    ]);
  });

  it('are checked by a SHACL shape: a commitment that loses its paragraph does not conform', async () => {
    const shapes = new Store(new Parser({ format: 'Turtle' }).parse(real.text('shapes.ttl')));
    const lines = real.text('partnership.nq').split('\n');
    const cut = lines.filter((l) => !(l.startsWith(`<${BASE}commitment/5-1-joint-steering-committee>`) && l.includes(`<${SPV}statedIn>`)));
    expect(cut.length).toBe(lines.length - 1);
    const report = await new SHACLValidator(shapes).validate(new Store(new Parser({ format: 'N-Quads' }).parse(cut.join('\n'))));
    expect(report.conforms).toBe(false);
    expect(report.results.map((r) => [r.focusNode?.value, r.path?.value])).toEqual([
      [`${BASE}commitment/5-1-joint-steering-committee`, `${SPV}statedIn`],
    ]);
  });

  it('have a tracker page grouped by pillar, then by section, with each commitment’s furthest state and its evidence', () => {
    const page = real.text('site/tracker.html');
    const headings = [...page.matchAll(/<h2 id="group-\d+">(.*?)<\/h2>/g)].map((m) => m[1]?.replace(/<[^>]+>/g, ''));
    expect(headings).toEqual([
      'Pillar I: Political, Security, and Public Sector Cooperation',
      'Pillar II: Trade and Economic Cooperation',
      'Pillar III: Sustainability, the Green Economy, and Energy Transition',
      'Pillar IV: Advanced Technology and Research and Development (R&amp;D)',
      'Pillar V: People-to-People Exchange',
      'Section: Regional and International Cooperation',
      'Section: Implementation',
    ]);
    const rows = [...page.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td>/g)].map((m) =>
      [m[1], m[2], m[3]].map((c) => c?.replace(/<[^>]+>/g, '')),
    );
    expect(rows).toHaveLength(67);
    expect(rows[0]).toEqual([
      'Paragraph 5',
      'strengthen mutual trust and understanding by increasing high-level exchanges and regular engagements at all levels, between our governments, officials, businesses, and peoples',
      'announced',
    ]);
    expect(rows.find((r) => r[0] === 'Paragraph 9.2')?.[2]).toBe('under way');
    // Within a paragraph, in the order the text makes them.
    expect(rows.filter((r) => r[0] === 'Paragraph 18').map((r) => r[1]?.slice(0, 30))).toEqual([
      'Both sides reaffirmed our stro',
      'maintaining an ASEAN-centred, ',
      'strengthening our cooperation,',
    ]);
    expect(rows.filter((r) => r[2] === 'done').map((r) => r[0])).toEqual(['Paragraph 6.1', 'Paragraph 14.1']);
    expect(page).toContain('<li><span class="state state-announced">announced</span> 61</li>');
    // The claims that rest on the curators' reading say so, and only those.
    expect(page.split('(curators’ reading)')).toHaveLength(7 + 1);
    expect(page).toContain(
      '<blockquote>In October 2025, Singapore approved the import of frozen/chilled beef and pork from Jeju Island and heat-processed egg products from the ROK.</blockquote>',
    );
    expect(real.text('site/sitemap.xml')).toContain(`<loc>${BASE}tracker.html</loc>`);
    expect(real.text('site/index.html')).toContain('href="tracker.html">Commitments</a>');
  });
});

describe('the tracker of the fictional partnership: nothing in it is specific to the real one', () => {
  it('groups its commitments by its own pillars and sections, at the furthest state, with the words escaped', async () => {
    const fictional = await fictionalRelease();
    const page = fictional.text('site/tracker.html');
    const headings = [...page.matchAll(/<h2 id="group-\d+">(.*?)<\/h2>/g)].map((m) => m[1]?.replace(/<[^>]+>/g, ''));
    expect(headings).toEqual(['Pillar I: Trade, Fictionally']);
    const rows = [...page.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td>/g)].map((m) =>
      [m[1], m[3]].map((c) => c?.replace(/<[^>]+>/g, '')),
    );
    expect(rows).toEqual([
      ['Paragraph 1', 'announced'],
      ['Paragraph 1.2', 'done'],
    ]);
    expect(page).toContain('<blockquote>&lt;b&gt;signed&lt;/b&gt; the memorandum on ports</blockquote>');
    expect(parseCsv(fictional.text('csv/commitment_status_claims.csv')).rows.map((r) => r.value)).toEqual([
      'announced',
      'done',
      'announced',
    ]);
  });
});

describe('the excerpt check’s hint', () => {
  it('finds how far an excerpt matches before it departs from the text', () => {
    expect(longestHeldPrefix('Both sides will review the progress.', 'Both sides will review progress.')).toBe(
      'Both sides will review '.length,
    );
    expect(longestHeldPrefix('xyz', 'abc')).toBe(0);
    expect(longestHeldPrefix('review', 'Both sides will review progress.')).toBe(6);
  });
});
