import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { listYamlFiles } from '../../src/load/files.js';
import type { Catalog } from '../../src/model/catalog.js';
import { validateDataDir } from '../../src/validate/index.js';
import { FICTIONAL_DATA, REAL_DATA } from '../helpers/fixture.js';

function countsByKind(catalog: Catalog): Record<string, number> {
  return Object.fromEntries([...catalog.byKind].map(([kind, records]) => [kind, records.length]));
}

describe('bench corpus generator', () => {
  let scratch: string;
  let corpus: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'bench-corpus-'));
    corpus = path.join(scratch, 'scale-3');
    await generateCorpus({ dataDir: REAL_DATA, outDir: corpus, scale: 3 });
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('multiplies the real data into three partnerships that validate with no diagnostic', async () => {
    const real = await validateDataDir({ dataDir: REAL_DATA });
    const scaled = await validateDataDir({ dataDir: corpus });
    expect(scaled.diagnostics).toEqual([]);
    const realCounts = countsByKind(real.catalog);
    // Every kind three times over, except the dataset that describes the whole folder once.
    const expected = Object.fromEntries(Object.entries(realCounts).map(([kind, n]) => [kind, kind === 'dataset' ? 1 : 3 * n]));
    expect(countsByKind(scaled.catalog)).toEqual(expected);
    expect(scaled.catalog.records.length).toBe(3 * real.catalog.records.length - 2);
    expect(realCounts.partnership).toBe(1);
    expect(scaled.catalog.byId.has('partnership/rok-singapore-strategic-partnership-x3')).toBe(true);
  });

  it('rewrites ids, references and file names of a copy consistently', async () => {
    const files = await listYamlFiles(corpus);
    expect(files).toContain('agreements/ksfta.yaml');
    expect(files).toContain('agreements/ksfta-x2.yaml');
    expect(files).toContain('sections/joint-statement-x3/02-pillar-i-x3.yaml');
    expect(files.filter((f) => f === 'dataset.yaml')).toHaveLength(1);
    const scaled = await validateDataDir({ dataDir: corpus });
    // Countries keep the two-letter shape their id pattern demands.
    const countries = scaled.catalog.byKind
      .get('country')
      ?.map((r) => r.id)
      .sort();
    const originals = (await listYamlFiles(REAL_DATA)).filter((f) => f.startsWith('countries/')).length;
    expect(countries).toHaveLength(3 * originals);
    for (const id of countries ?? []) expect(id).toMatch(/^country\/[a-z]{2}$/);
    expect(countries).toEqual(expect.arrayContaining(['country/aa', 'country/ab', 'country/kr', 'country/sg']));
    const copy = scaled.catalog.byId.get('partnership/rok-singapore-strategic-partnership-x2');
    expect(copy?.fields.parties).toEqual(['country/aa', 'country/ab']);
    expect(copy?.fields.jointStatement).toBe('joint-statement-x2');
    expect(copy?.fields.review).toMatchObject({ paragraph: 'joint-statement-x2/para/23' });
    // Nested paragraphs follow their document's new id; derived fields follow the copy's records.
    const paragraph = scaled.catalog.byId.get('joint-statement-x2/para/9.1');
    expect(paragraph?.fields.partOf).toBe('joint-statement-x2/para/9');
    expect(paragraph?.fields.cites).toEqual(['agreement/ksfta-x2']);
    expect(scaled.catalog.byId.get('agreement/ksfta-x2')?.fields.citedBy).toContain('joint-statement-x2/para/9.1');
  });

  it('keeps each copy byte-for-byte the original apart from the ids', async () => {
    const original = await readFile(path.join(REAL_DATA, 'countries/kr.yaml'), 'utf8');
    const copy = await readFile(path.join(corpus, 'countries/aa.yaml'), 'utf8');
    expect(copy).toBe(original.replaceAll('country/kr', 'country/aa').replaceAll(/source\/([a-z0-9-]+)/g, 'source/$1-x2'));
  });

  it("shares a record once every code of its id's shape is taken, and does not copy its file", async () => {
    // Two countries (two-letter codes, 676 in all) and the dataset: the codes run out at copy 338.
    const source = path.join(scratch, 'two-countries');
    for (const file of ['dataset.yaml', ...(await listYamlFiles(FICTIONAL_DATA)).filter((f) => f.startsWith('countries/'))]) {
      await mkdir(path.dirname(path.join(source, file)), { recursive: true });
      await copyFile(path.join(FICTIONAL_DATA, file), path.join(source, file));
    }
    const originals = (await listYamlFiles(source)).filter((f) => f.startsWith('countries/'));
    expect(originals).toHaveLength(2);
    const summary = await generateCorpus({ dataDir: source, outDir: path.join(scratch, 'two-countries-340'), scale: 340 });
    const countries = (await listYamlFiles(path.join(scratch, 'two-countries-340'))).filter((f) => f.startsWith('countries/'));
    expect(countries).toHaveLength(26 * 26);
    expect(new Set(countries).size).toBe(26 * 26);
    expect(summary.files).toBe(26 * 26 + 1);
  });

  it('multiplies the fictional partnership too (nothing in it is specific to the real data)', async () => {
    const out = path.join(scratch, 'fictional-2');
    await generateCorpus({ dataDir: FICTIONAL_DATA, outDir: out, scale: 2 });
    const scaled = await validateDataDir({ dataDir: out });
    expect(scaled.diagnostics).toEqual([]);
    expect(scaled.catalog.byKind.get('partnership')).toHaveLength(2);
  });
});
