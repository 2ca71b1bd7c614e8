import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/diagnostics.js';
import { loadNQuads, type QueryResult, runQuery } from '../../src/query/run.js';
import { dataPrefixes } from '../../src/compile/rdf/prefixes.js';
import { writeReleaseAtomically } from '../helpers/release.js';
import { REAL_DATA, sharedRelease } from '../helpers/fixture.js';

const BASE = 'https://w3id.org/sg-kr-partnership/';
const QUERIES = fileURLToPath(new URL('./queries/', import.meta.url));

let dist: string;
let store: ReturnType<typeof loadNQuads>;

beforeAll(async () => {
  const release = await sharedRelease(REAL_DATA);
  dist = path.join(await mkdtemp(path.join(os.tmpdir(), 'query-')), 'dist');
  await writeReleaseAtomically(dist, release.artifacts);
  store = loadNQuads(release.text('partnership.nq'));
});

/** A competency question's answer as rows of plain values. */
async function answer(file: string): Promise<string[][]> {
  const result: QueryResult = runQuery(store, await readFile(path.join(QUERIES, file), 'utf8'), dataPrefixes(BASE));
  if (result.kind !== 'solutions') throw new Error(`${file} is not a SELECT query`);
  return result.rows.map((row) => result.variables.map((v) => row[v]?.value ?? ''));
}

describe('competency questions over the graph in Oxigraph', () => {
  it("which agreements each pillar's paragraphs cite", async () => {
    const rows = await answer('pillar-citations.rq');
    const byPillar: Record<string, string[]> = {};
    for (const [pillar = '', agreement = ''] of rows) (byPillar[pillar] ??= []).push(agreement.replace('agreement/', ''));
    expect(byPillar).toEqual({
      I: [
        'iea-verification-chemical-biological-warfare-agents',
        'loi-st-cooperation-public-safety-security',
        'memorandum-of-agreement-defence-technology',
        'mou-healthcare-cooperation',
        'mou-kdca-cda-communicable-disease',
        'mou-public-personnel-administration',
        'mou-safety-pharmaceutical-products-cosmetics-medical-devices',
        'mra-gmp-medicinal-products',
        'project-agreement-defence-technology',
      ],
      II: [
        'agreement-on-e-commerce',
        'asean-defa',
        'asean-rok-digital-work-plan',
        'depa',
        'investment-facilitation-for-development-agreement',
        'jsi-e-commerce',
        'ksdpa',
        'ksfta',
        'supply-chain-partnership-arrangement',
      ],
      III: [
        'asean-plan-of-action-energy-cooperation',
        'mou-green-economic-cooperation',
        'mou-lng',
        'nuclear-cooperation-agreement',
        'paris-agreement',
      ],
      IV: [
        'mou-digital-cooperation',
        'mou-intelligent-transport-systems-cooperation',
        'mou-space-geospatial-information',
        'mou-technological-cooperation',
      ],
      V: ['mou-cultural-sports-cooperation'],
    });
    expect(rows.find((r) => r[1] === 'agreement/ksfta')).toEqual(['II', 'agreement/ksfta', '2']);
  });

  it('which organisations are party to the MOUs exchanged on 2 November 2025', async () => {
    expect(await answer('mou-exchange-parties.rq')).toEqual([
      ['agreement/mou-cultural-sports-cooperation', 'org/kr-mcst', 'Ministry of Culture, Sports and Tourism'],
      ['agreement/mou-cultural-sports-cooperation', 'org/sg-mccy', 'Ministry of Culture, Community and Youth'],
      ['agreement/mou-digital-cooperation', 'org/kr-msit', 'Ministry of Science and ICT'],
      ['agreement/mou-digital-cooperation', 'org/sg-mddi', 'Ministry of Digital Development and Information'],
      ['agreement/mou-public-personnel-administration', 'org/kr-mpm', 'Ministry of Personnel Management'],
      ['agreement/mou-public-personnel-administration', 'org/sg-psd', 'Public Service Division'],
    ]);
  });

  it('where the sources disagree on an instrument, each claim with its source and words', async () => {
    const rows = await answer('conflicting-claims.rq');
    const of = (agreement: string) => rows.filter((r) => r[0] === `agreement/${agreement}`).map((r) => r.slice(1, 5));
    // Annex B lists an Information Exchange Agreement; the Singapore news report calls all eight MOUs.
    expect(of('iea-verification-chemical-biological-warfare-agents').filter((r) => r[0] === 'kindClaim')).toEqual([
      ['kindClaim', 'information-exchange-agreement', 'source/press-release-2025-11-02', 'false'],
      ['kindClaim', 'memorandum-of-understanding', 'source/news-report-2025-11-02', 'true'],
    ]);
    // The news report's "will be signed" against the press release's exchange and Korea Bizwire's "signed".
    expect(of('mou-digital-cooperation')).toEqual([
      ['statusClaim', 'planned', 'source/news-report-2025-11-02', 'true'],
      ['statusClaim', 'signed', 'source/korea-bizwire-2025-11-02', 'false'],
      ['statusClaim', 'signed', 'source/press-release-2025-11-02', 'true'],
    ]);
    // Korea Bizwire's "revisions to existing free trade agreements" against "continue to discuss upgrading the KSFTA".
    expect(of('ksfta').map((r) => r[1])).toEqual(['in-force', 'planned', 'under-discussion']);
    expect(rows.find((r) => r[0] === 'agreement/ksfta' && r[2] === 'under-discussion')?.[5]).toBe(
      'Continue to discuss upgrading the KSFTA to expand cooperation in areas of mutual interest.',
    );
    // Korea Bizwire's MOUs "on defense": none of the four exchanged is, so the claim is recorded on Annex B's defence instrument, as an inference.
    expect(
      rows
        .find((r) => r[0] === 'agreement/iea-verification-chemical-biological-warfare-agents' && r[3] === 'source/korea-bizwire-2025-11-02')
        ?.slice(2, 5),
    ).toEqual(['signed', 'source/korea-bizwire-2025-11-02', 'true']);
    expect(new Set(rows.map((r) => r[0])).size).toBe(9);
  });

  it('the paragraphs of pillar III', async () => {
    const rows = await answer('pillar-iii-paragraphs.rq');
    expect(rows.map((r) => r[0])).toEqual(['11', '11.1', '11.2', '11.3', '12', '12.1', '12.2', '12.3', '12.4', '12.5', '13']);
    expect(rows[1]?.[1]).toBe(
      'Cooperate in the green economy and on climate change initiatives through the effective implementation of the MOU on Green Economic Cooperation concluded in 2023.',
    );
  });

  it('the organisations of each country', async () => {
    const rows = await answer('organisations-by-country.rq');
    expect(rows.map(([country, count]) => [country, count])).toEqual([
      ['Singapore', '16'],
      ['South Korea', '13'],
    ]);
    expect(rows[0]?.[2]?.split(' ')).toContain('org/sg-mfa');
    expect(rows[1]?.[2]?.split(' ')).toContain('org/kr-foreign-ministry');
    expect(rows[1]?.[2]?.split(' ')).not.toContain('org/sg-mfa');
  });
});

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'partnership', 'query', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('partnership query', () => {
  const PILLARS = 'SELECT ?notation ?pillar WHERE { ?pillar a skos:Concept ; skos:notation ?notation } ORDER BY ?notation LIMIT 2';

  it('prints an aligned table of the solutions', async () => {
    const { code, stdout } = await cli(PILLARS, '--dist', dist);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe(
      'notation | pillar\n' +
        '-------- | --------------------------------------------\n' +
        'I        | https://w3id.org/sg-kr-partnership/pillar/i\n' +
        'II       | https://w3id.org/sg-kr-partnership/pillar/ii\n' +
        '(2 rows)\n',
    );
  });

  it('prints SPARQL JSON results and CSV', async () => {
    const json = await cli(PILLARS, '--dist', dist, '--format', 'json');
    expect(JSON.parse(json.stdout)).toEqual({
      head: { vars: ['notation', 'pillar'] },
      results: {
        bindings: [
          { notation: { type: 'literal', value: 'I' }, pillar: { type: 'uri', value: `${BASE}pillar/i` } },
          { notation: { type: 'literal', value: 'II' }, pillar: { type: 'uri', value: `${BASE}pillar/ii` } },
        ],
      },
    });
    const csv = await cli(PILLARS, '--dist', dist, '--format', 'csv');
    expect(csv.stdout).toBe(`notation,pillar\r\nI,${BASE}pillar/i\r\nII,${BASE}pillar/ii\r\n`);
  });

  it('reads a query from --file and answers ASK queries', async () => {
    const file = path.join(path.dirname(dist), 'ask.rq');
    await writeFile(file, `ASK { <${BASE}joint-statement/para/11.1> eli:refers_to <${BASE}agreement/mou-green-economic-cooperation> }`);
    expect(await cli('--file', file, '--dist', dist)).toEqual({ code: EXIT.ok, stdout: 'true\n', stderr: '' });
    const pillars = await cli('--file', path.join(QUERIES, 'pillar-iii-paragraphs.rq'), '--dist', dist, '--format', 'csv');
    expect(pillars.stdout.split('\r\n')[1]).toMatch(/^11,"Reaffirming the importance/);
  });

  it("reports a malformed query with its position in the user's text and exit code 2", async () => {
    const result = await cli('SELECT ?n WHERE {\n  ?p eli:number ?n', '--dist', dist);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^partnership query: malformed SPARQL query: error at 2:19: /);
  });

  it('is a usage error without a built graph, or with both a query and --file', async () => {
    const missing = await cli(PILLARS, '--dist', path.join(dist, 'nowhere'));
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain('run `partnership build` first');
    expect(await cli(PILLARS, '--file', 'x.rq', '--dist', dist)).toEqual({
      code: EXIT.usage,
      stdout: '',
      stderr: 'partnership query: give a SPARQL query or --file <query.rq>, not both\n',
    });
    expect(await cli('--dist', dist)).toEqual({
      code: EXIT.usage,
      stdout: '',
      stderr: 'partnership query: no query given: pass the SPARQL text or --file <query.rq>\n',
    });
  });
});
