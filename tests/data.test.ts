import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../src/model/catalog.js';
import { validateDataDir } from '../src/validate/index.js';
import { FICTIONAL_DATA, REAL_DATA, sharedRelease } from './helpers/fixture.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

describe('the curated data', async () => {
  const validation = await validateDataDir({ dataDir: REAL_DATA });
  const { catalog } = validation;
  const numbers = recordsOf(catalog, 'paragraph').map((p) => String(p.fields.number));

  it('validates with no diagnostic at all, warnings included', () => {
    expect(validation.diagnostics).toEqual([]);
  });

  it('holds the 24 numbered paragraphs of the joint statement, 1 to 24 in document order', () => {
    const top = numbers.filter((n) => !n.includes('.'));
    expect(top).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1)));
  });

  it('holds its 37 sub-paragraphs, from 5.1 to 16.4', () => {
    const sub = numbers.filter((n) => n.includes('.'));
    expect(sub).toHaveLength(37);
    expect(sub[0]).toBe('5.1');
    expect(sub.at(-1)).toBe('16.4');
    for (const number of sub) expect(numbers).toContain(number.split('.')[0]);
  });

  it('lists the 8 Annex B instruments, 4 of them exchanged before the leaders on 2 November 2025', () => {
    const annex = catalog.byId.get('list-of-mous-and-agreements');
    expect(annex?.fields.annexLabel).toBe('Annex B');
    const listed = annex?.fields.lists as string[];
    expect(listed).toEqual([
      'agreement/iea-verification-chemical-biological-warfare-agents',
      'agreement/mou-public-personnel-administration',
      'agreement/mou-healthcare-cooperation',
      'agreement/mou-cooperation-forensic-science',
      'agreement/mou-green-digital-shipping-corridor',
      'agreement/mou-digital-cooperation',
      'agreement/mou-ai-safety',
      'agreement/mou-cultural-sports-cooperation',
    ]);
    const ceremony = 'event/2025-11-02-mou-exchange-ceremony';
    expect(catalog.byId.get(ceremony)?.fields.startDate).toBe('2025-11-02');
    const exchanged = listed.filter((id) => catalog.byId.get(id)?.fields.exchangedAt === ceremony);
    // The press release: the leaders "witnessed the exchange of four MOUs ... in public personnel
    // administration, a Green and Digital Shipping Corridor, digitalisation, and culture and sports".
    expect(exchanged).toEqual([
      'agreement/mou-public-personnel-administration',
      'agreement/mou-green-digital-shipping-corridor',
      'agreement/mou-digital-cooperation',
      'agreement/mou-cultural-sports-cooperation',
    ]);
    // The sources do not say when the other four were signed: none claims an exchange at all.
    const earlier = listed.filter((id) => !exchanged.includes(id));
    expect(earlier.map((id) => catalog.byId.get(id)?.fields.exchangedAt)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('has every record that can cite sources cite at least one existing source', () => {
    const citing = catalog.records.filter((r) => validation.schemas.byKind.get(r.kind)?.properties.some((p) => p.name === 'sources'));
    expect(citing.length).toBeGreaterThan(100);
    for (const record of citing) {
      const sources = record.fields.sources;
      expect(Array.isArray(sources) && sources.length > 0, `${record.id} cites no source`).toBe(true);
      for (const id of sources as string[]) expect(catalog.byId.get(id)?.kind, `${record.id} cites ${id}`).toBe('source');
    }
  });
});

describe('the curated data states only what its sources state', async () => {
  const { catalog } = await validateDataDir({ dataDir: REAL_DATA });
  type Claim = { value: string; statedAs: string; sources: string[]; inferred?: boolean };
  const claims = (id: string, field: string) => (catalog.byId.get(`agreement/${id}`)?.fields[field] as Claim[] | undefined) ?? [];
  const values = (id: string, field: string) => claims(id, field).map((c) => c.value);
  const CLAIM_FIELDS = ['kind', 'status', 'dateSigned', 'dateInForce', 'dateAmended', 'parties'];

  it('records no status, kind, date or party that no source states', () => {
    // Statuses the curators had guessed: now left out (not stated).
    for (const id of [
      'akfta',
      'rcep',
      'unclos',
      'paris-agreement',
      'aoip',
      'asean-plan-of-action-energy-cooperation',
      'asean-rok-digital-work-plan',
      'asean-defa',
      'depa',
      'ksdpa',
      'supply-chain-partnership-arrangement',
      'jsi-e-commerce',
      'agreement-on-e-commerce',
      'investment-facilitation-for-development-agreement',
      'mra-gmp-medicinal-products',
    ])
      expect(values(id, 'status'), id).toEqual([]);
    expect(values('paris-agreement', 'kind')).toEqual(['agreement']);
    expect(values('unclos', 'dateSigned')).toEqual([]);
    expect(values('akfta', 'parties')).toEqual([]);
    // "the recent signing of MOUs" names no MOU: a signing read from it is marked as the curators' inference.
    for (const id of ['mou-healthcare-cooperation', 'mou-cooperation-forensic-science', 'mou-ai-safety']) {
      expect(
        claims(id, 'status')
          .filter((c) => c.value === 'signed')
          .map((c) => c.inferred),
        id,
      ).toEqual([true]);
    }
    // What a source does state stays, with its words.
    expect(claims('ksfta', 'dateInForce')).toEqual([
      {
        value: '2006',
        statedAs: 'the Korea-Singapore Free Trade Agreement (KSFTA), which entered into force in 2006',
        sources: ['source/press-release-2025-11-02'],
      },
    ]);
  });

  it('gives every claim its words and sources, each also a source of its record', () => {
    let count = 0;
    for (const record of recordsOf(catalog, 'agreement')) {
      const recordSources = record.fields.sources as string[];
      for (const field of CLAIM_FIELDS) {
        for (const claim of (record.fields[field] as Claim[] | undefined) ?? []) {
          count += 1;
          expect(claim.statedAs.length, `${record.id} ${field}`).toBeGreaterThan(0);
          expect(claim.sources.length, `${record.id} ${field}`).toBeGreaterThan(0);
          for (const source of claim.sources) expect(recordSources, `${record.id} ${field}`).toContain(source);
        }
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it("marks the curators' inferences in published fields, each naming a field the record has", () => {
    const inferred = Object.fromEntries(
      catalog.records.filter((r) => r.fields.inferredFields !== undefined).map((r) => [r.id, r.fields.inferredFields as string[]]),
    );
    expect(inferred).toEqual({
      'agreement/mou-ai-safety': ['description'],
      'agreement/mou-green-digital-shipping-corridor': ['description'],
      'event/2025-08-vietnam-party-chief-state-visit': ['startDate'],
      'joint-statement': ['date'],
      'list-of-mous-and-agreements': ['date'],
      'org/indo-pacific-defense-forum': ['alternativeNames'],
      'org/kr-foreign-ministry': ['name'],
      'org/ntu': ['kind'],
      'source/korea-bizwire-2025-11-02': ['date'],
    });
    for (const [id, fields] of Object.entries(inferred))
      for (const field of fields) expect(catalog.byId.get(id)?.fields[field], `${id} ${field}`).toBeDefined();
    expect(catalog.byId.get('org/indo-pacific-defense-forum')?.fields.name).toBe('FORUM');
    expect(catalog.byId.get('org/idss')?.fields.country).toBeUndefined();
    // The paragraphs' matches to MOUs they do not name are kept apart from what they cite.
    const paragraph = (number: string) => catalog.byId.get(`joint-statement/para/${number}`)?.fields;
    expect([paragraph('7.2')?.inferredCites, paragraph('11.3')?.inferredCites, paragraph('14.1')?.inferredCites]).toEqual([
      ['agreement/mou-cooperation-forensic-science'],
      ['agreement/mou-green-digital-shipping-corridor'],
      ['agreement/mou-ai-safety'],
    ]);
    expect(paragraph('11.3')?.cites).toBeUndefined();
  });
});

describe('the fictional partnership: nothing in src/ is specific to the real one', () => {
  it('validates with no diagnostic at all and compiles the same release files as the curated data', async () => {
    const fictional = await sharedRelease(FICTIONAL_DATA);
    expect(fictional.diagnostics).toEqual([]);
    const real = await sharedRelease(REAL_DATA);
    // The release files are the same; the per-entity documents under site/ follow each one's own records.
    const releaseFiles = (artifacts: { path: string }[]) =>
      artifacts
        .map((a) => a.path)
        .filter((p) => !p.startsWith('site/'))
        .sort();
    expect(releaseFiles(fictional.artifacts)).toEqual(releaseFiles(real.artifacts));
    expect(fictional.artifacts.map((a) => a.path)).toContain('site/agreement/free-trade-treaty.jsonld');
    // Its own base IRI, from its dataset.yaml, names its entities.
    expect(fictional.text('records.json')).toContain('https://example.org/fictional/');
  });

  it('src/ never names the partnership or its parties', () => {
    const offenders: string[] = [];
    for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          // \b keeps words such as "broken" from matching ROK.
          if (/\b(singapore|korea|korean|rok|sg-kr)\b/i.test(line))
            offenders.push(`${path.relative(SRC, file)}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
