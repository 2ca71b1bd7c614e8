/**
 * Facts written as claims (objects with a `value`, the words it rests on and its
 * sources) read on the site as their values: in list columns, charts and links,
 * and on the record's page with their quoted words. A small schema set in memory
 * stands in for any data that writes its facts this way.
 */
import { describe, expect, it } from 'vitest';
import { linkCatalog } from '../../src/model/catalog.js';
import { type JsonSchema, buildSchemaSet } from '../../src/schema/model.js';
import { siteContext } from '../../src/compile/site/context.js';
import { entityBody } from '../../src/publish/site/entity.js';
import { landingBody } from '../../src/publish/site/landing.js';
import { listBody } from '../../src/publish/site/lists.js';
import { kindCharts } from '../../src/publish/site/overview.js';

const claimOf = (value: JsonSchema) => ({
  type: 'array',
  items: {
    type: 'object',
    'x-claim': true,
    properties: {
      value,
      statedAs: { type: 'string' },
      sources: { type: 'array', items: { type: 'string', 'x-ref': 'source' }, 'x-rdf': { predicate: 'dcterms:source' } },
    },
  },
});

const schemas = buildSchemaSet(
  new Map<string, JsonSchema>([
    [
      'deal.schema.json',
      {
        'x-kind': 'deal',
        'x-table': 'deals',
        'x-label': 'title',
        title: 'Deal',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          status: claimOf({ type: 'string', enum: ['signed', 'planned'] }),
          parties: claimOf({ type: 'string', 'x-ref': 'firm' }),
        },
      },
    ],
    [
      'firm.schema.json',
      {
        'x-kind': 'firm',
        'x-table': 'firms',
        'x-label': 'name',
        title: 'Firm',
        properties: { id: { type: 'string' }, name: { type: 'string' } },
      },
    ],
    [
      'commitment.schema.json',
      {
        'x-kind': 'commitment',
        'x-table': 'commitments',
        'x-label': 'action',
        title: 'Commitment',
        properties: { id: { type: 'string' }, action: { type: 'string' } },
      },
    ],
    [
      'source.schema.json',
      {
        'x-kind': 'source',
        'x-table': 'sources',
        'x-label': 'title',
        title: 'Source',
        properties: { id: { type: 'string' }, title: { type: 'string' } },
      },
    ],
  ]),
);

const kind = (name: string) => schemas.byKind.get(name) ?? (undefined as never);
const catalog = linkCatalog(
  [
    { file: 'a.yaml', kind: kind('firm'), value: { id: 'firm/a', name: 'Alpha Ltd' } },
    { file: 'b.yaml', kind: kind('source'), value: { id: 'source/gazette', title: 'The Gazette' } },
    {
      file: 'c.yaml',
      kind: kind('deal'),
      value: {
        id: 'deal/one',
        title: 'Deal One',
        status: [
          { value: 'signed', statedAs: 'the deal was signed', sources: ['source/gazette'] },
          { value: 'planned', statedAs: 'will be signed', sources: ['source/gazette'] },
        ],
        parties: [{ value: 'firm/a', statedAs: 'Alpha signed', sources: ['source/gazette'] }],
      },
    },
    { file: 'd.yaml', kind: kind('deal'), value: { id: 'deal/two', title: 'Deal Two' } },
    { file: 'e.yaml', kind: kind('commitment'), value: { id: 'commitment/one', action: 'Meet yearly' } },
  ],
  schemas,
);
const datasetRecord = { id: 'dataset', kind: 'dataset', fields: { title: 'T' }, origin: { file: '', pointer: '' }, written: [] };
const dataset = {
  id: 'dataset',
  title: 'T',
  description: '',
  version: '',
  issued: '',
  license: '',
  baseIri: 'https://example.org/',
  publisher: '',
  language: 'en',
  keywords: [],
  record: datasetRecord,
};
const site = siteContext({ catalog, schemas, baseIri: 'https://example.org/', dataset });

describe('claims on the site', () => {
  it('list the values the claims state, each once, and link the records they name', () => {
    const body = listBody(site, kind('deal'), 'site/deal/index.html').value;
    expect(body).toContain('<th scope="col">Status</th><th scope="col">Parties</th>');
    expect(body).toContain('<td data-label="Status">signed, planned</td><td data-label="Parties"><a href="../firm/a/">Alpha Ltd</a></td>');
  });

  it('chart a record under each value its sources state, and count the records with none as not stated', () => {
    const charts = kindCharts(site, 'deal').value;
    expect(charts).toContain('<caption>Deals by status</caption>');
    expect(charts).toMatch(/<th scope="row">signed<\/th><td class="bar"><span style="width: 80\.0%"><\/span>1<\/td>/);
    expect(charts).toMatch(/<th scope="row">not stated<\/th><td class="bar"><span style="width: 80\.0%"><\/span>1<\/td>/);
  });

  it("show each claim with its quoted words and its source, and name the deal on the firm's page", () => {
    const deal = catalog.byId.get('deal/one') ?? (undefined as never);
    const body = entityBody(site, deal).body.value;
    expect(body).toContain(
      '<span class="claim-value">signed</span><div class="claim-words">Stated as <q class="quoted">the deal was signed</q></div>',
    );
    expect(body).toContain('<a href="../../source/gazette/">The Gazette</a>');
    const firm = catalog.byId.get('firm/a') ?? (undefined as never);
    expect(entityBody(site, firm).body.value).toContain('<h3>Deals (parties)</h3><ul><li><a href="../../deal/one/">Deal One</a></li></ul>');
  });
});

describe("the landing page's ways in", () => {
  it("links the commitment tracker where the site has one, else the commitments' list", () => {
    expect(landingBody(site, [], new Set(['site/tracker.html'])).value).toContain(
      '<li><a href="tracker.html">Commitments</a><span class="count">1 recorded, with their status</span></li>',
    );
    expect(landingBody(site, []).value).toContain(
      '<li><a href="commitment/">Commitments</a><span class="count">1 recorded, with their status</span></li>',
    );
  });
});
