/**
 * The describing files (data package, catalogue, landing page, checksums) run after the files they
 * describe, in an order the pipeline works out from what each makes and describes: the list they
 * are given in does not matter.
 */
import { describe, expect, it } from 'vitest';
import { DESCRIBERS } from '../../src/publish/index.js';
import { describingOrder } from '../../src/publish/output.js';
import type { Describer } from '../../src/publish/types.js';
import { fictionalRelease } from '../helpers/fixture.js';

const names = (describers: readonly Describer[]) => describers.map((d) => d.name);

describe('describingOrder', () => {
  it('puts each describer after those whose files it describes, whatever the given order', () => {
    const expected = ['datapackage', 'catalogue-documents', 'dcat', 'site-landing', 'sha256sums'];
    expect(names(describingOrder(DESCRIBERS))).toEqual(expected);
    expect(names(describingOrder([...DESCRIBERS].reverse()))).toEqual(expected);
  });

  it('refuses describers that describe each other', () => {
    const a: Describer = { name: 'a', makes: ['a.txt'], describes: (p) => p === 'b.txt', describe: () => [] };
    const b: Describer = { name: 'b', makes: ['b.txt'], describes: (p) => p === 'a.txt', describe: () => [] };
    expect(() => describingOrder([a, b])).toThrow("describers describe each other's files: a, b");
  });
});

describe('the describing files of a release', () => {
  it("describe exactly the files they are about, the earlier describers' files among them", async () => {
    const release = await fictionalRelease();
    const sums = release
      .text('SHA256SUMS')
      .trim()
      .split('\n')
      .map((line) => line.split('  ')[1]);
    expect(sums).toEqual(
      release.artifacts
        .map((a) => a.path)
        .filter((p) => p !== 'SHA256SUMS')
        .sort(),
    );
    const catalog = JSON.parse(release.text('catalog.jsonld')) as { '@graph': { '@type': string | string[]; 'dcterms:title': unknown }[] };
    const distributions = catalog['@graph'].filter((n) => [n['@type']].flat().includes('dcat:Distribution')).map((n) => n['dcterms:title']);
    expect(distributions).toContain('datapackage.json');
    expect(distributions).not.toContain('catalog.jsonld');
    expect(distributions).not.toContain('SHA256SUMS');
    expect(release.text('site/index.html')).toContain('>catalog.jsonld</a>');
  });
});
