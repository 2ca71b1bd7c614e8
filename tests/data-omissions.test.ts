import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordsOf } from '../src/model/catalog.js';
import { REAL_DATA, type Release, sharedRelease } from './helpers/fixture.js';

const BASE = 'https://w3id.org/sg-kr-partnership/';
/** The curators' source archive sits beside the repository, not in it: the word-for-word checks run where it is at hand. */
const SOURCES_DIR = new URL('../../shared/sources/', import.meta.url);
const ARCHIVE_AT_HAND = existsSync(SOURCES_DIR);
if (!ARCHIVE_AT_HAND) console.warn(`Word-for-word checks against the source archive skipped: no ${SOURCES_DIR.pathname}`);

let real: Release;

beforeAll(async () => {
  real = await sharedRelease(REAL_DATA);
});

const fields = (id: string) => real.catalog.byId.get(id)?.fields ?? {};

/** Facts the audit of issue 16 found missing: each now a record, each from its source. */
describe('the facts the sources give that the data once left out', () => {
  it.skipIf(!ARCHIVE_AT_HAND)('has every quotation word for word in the archived text of a source it cites', () => {
    const archive = (id: string) => readFileSync(new URL(String(fields(id).archiveFile), SOURCES_DIR), 'utf8').replace(/\s+/g, ' ');
    for (const q of recordsOf(real.catalog, 'quotation')) {
      expect(
        (q.fields.sources as string[]).some((s) => archive(s).includes(String(q.fields.text))),
        q.id,
      ).toBe(true);
    }
  });

  it('has Thomas Lim’s three quotations and Wong’s three short ones', () => {
    const quotations = recordsOf(real.catalog, 'quotation');
    expect(quotations).toHaveLength(17);
    expect(quotations.filter((q) => q.fields.speaker === 'person/thomas-lim').map((q) => q.id)).toEqual([
      'quotation/lim-joint-rd-opportunity',
      'quotation/lim-military-to-military-exchanges',
      'quotation/lim-political-trust-defence-cooperation',
    ]);
    expect(fields('quotation/wong-dark-and-uncertain-times')).toMatchObject({
      text: 'dark and uncertain times,',
      occasion: 'event/2025-11-02-official-luncheon',
    });
    expect(fields('quotation/wong-ever-more-vital').text).toBe('ever more vital');
    expect(fields('quotation/wong-complementary-strengths').text).toBe('complementary strengths');
  });

  it('has the four multilateral exercises as events of kind exercise, undated as the article leaves them', () => {
    const exercises = recordsOf(real.catalog, 'event').filter((e) => e.fields.kind === 'exercise');
    expect(exercises.map((e) => e.fields.name).sort()).toEqual([
      'Association of Southeast Asian Nations-hosted drills',
      'Cobra Gold',
      'Rim of the Pacific',
      'Super Garuda Shield',
    ]);
    for (const e of exercises) {
      expect(e.fields.startDate).toBeUndefined();
      expect(e.fields.sources).toEqual(['source/indo-pacific-defense-forum-article']);
    }
  });

  it('has the top-10 trading partner rank as an upper bound, not an exact figure', () => {
    expect(fields('statistic/trading-partner-rank-2025')).toMatchObject({
      value: 10,
      approximation: 'at-most',
      between: ['country/kr', 'country/sg'],
    });
    expect(real.text('partnership.nq')).toContain(
      `<${BASE}statistic/trading-partner-rank-2025> <${BASE}vocab#approximation> <${BASE}vocab#approximation/at-most> .`,
    );
  });

  it('has the Joint Steering Committee’s co-chairs as posts, in the graph and the CSV', () => {
    const posts = recordsOf(real.catalog, 'post');
    expect(posts.map((p) => [p.fields.title, p.fields.country])).toEqual([
      ['1st Vice Minister of Foreign Affairs', 'country/kr'],
      ['Permanent Secretary for Foreign Affairs', 'country/sg'],
    ]);
    expect(real.text('partnership.nq')).toContain(
      `<${BASE}post/sg-permanent-secretary-foreign-affairs> <${BASE}vocab#coChairs> <${BASE}org/joint-steering-committee> .`,
    );
    expect(real.text('csv/post_co_chaired_bodies.csv')).toContain(
      'post/kr-1st-vice-minister-foreign-affairs,org/joint-steering-committee,1',
    );
    expect(fields('commitment/5-1-joint-steering-committee').mentions).toContain('post/sg-permanent-secretary-foreign-affairs');
  });

  it('names the DPRK, the ASEAN Power Grid, the joint training programme and the possible Joint Committee where the statement does', () => {
    expect(fields('joint-statement/para/22').mentions).toContain('country/kp');
    expect(fields('country/kp')).toMatchObject({ name: 'North Korea', abbreviation: 'DPRK' });
    expect(fields('joint-statement/para/13').mentions).toContain('org/asean-power-grid');
    expect(fields('commitment/13-asean-energy').mentions).toContain('org/asean-power-grid');
    expect(fields('commitment/9-4-joint-training-programme').mentions).toContain('org/scp-akcf-joint-training-programme');
    expect(fields('commitment/14-1-joint-committee').mentions).toEqual([
      'org/kr-msit',
      'org/sg-mddi',
      'org/digital-cooperation-joint-committee',
    ]);
  });

  it('has the strategic-partner peers the RSIS commentary names, citing it', () => {
    for (const id of ['country/gb', 'country/de', 'country/mx', 'country/tr', 'org/eu']) {
      expect(fields(id).sources, id).toEqual(['source/rsis-commentary-park-teo']);
    }
  });
});
