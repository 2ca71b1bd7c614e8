import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/diagnostics.js';
import { loadNQuads, type QueryResult, runQuery } from '../../src/query/run.js';
import { dataPrefixes } from '../../src/rdf/prefixes.js';
import { writeReleaseAtomically } from '../../src/write.js';
import { compiledRelease, REAL_DATA } from '../helpers/fixture.js';

const BASE = 'https://w3id.org/sg-kr-partnership/';
const QUERIES = fileURLToPath(new URL('./queries/', import.meta.url));

let dist: string;
let store: ReturnType<typeof loadNQuads>;

beforeAll(async () => {
  const release = await compiledRelease(REAL_DATA);
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
  it('which agreements each pillar\'s paragraphs cite', async () => {
    const rows = await answer('pillar-citations.rq');
    const byPillar: Record<string, string[]> = {};
    for (const [pillar = '', agreement = ''] of rows) (byPillar[pillar] ??= []).push(agreement.replace('agreement/', ''));
    expect(byPillar).toEqual({
      I: [
        'iea-verification-chemical-biological-warfare-agents',
        'loi-st-cooperation-public-safety-security',
        'memorandum-of-agreement-defence-technology',
        'mou-cooperation-forensic-science',
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
        'mou-green-digital-shipping-corridor',
        'mou-green-economic-cooperation',
        'mou-lng',
        'nuclear-cooperation-agreement',
        'paris-agreement',
      ],
      IV: ['mou-ai-safety', 'mou-digital-cooperation', 'mou-intelligent-transport-systems-cooperation', 'mou-space-geospatial-information', 'mou-technological-cooperation'],
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
      ['Singapore', '17'],
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

  it('reports a malformed query with its position in the user\'s text and exit code 2', async () => {
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
