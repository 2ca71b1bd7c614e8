import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { linkCatalog } from '../../src/model/catalog.js';
import { kindOrThrow } from '../../src/schema/model.js';
import { readSchemaSet } from '../../src/schema/read.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

describe('linking values into the catalog', () => {
  it('extracts nested records with their derived and inherited fields, leaving the values it was given unchanged', async () => {
    const schemas = await readSchemaSet();
    const file = 'sections/accord/01-trade.yaml';
    const value = parse(readFileSync(path.join(FICTIONAL_DATA, file), 'utf8')) as Record<string, unknown>;
    const before = structuredClone(value);
    const catalog = linkCatalog([{ file, kind: kindOrThrow(schemas, 'section'), value }], schemas);

    expect(value).toEqual(before);
    expect(catalog.records.map((r) => r.id)).toEqual([
      'accord/section/i',
      'accord/para/1',
      'accord/para/1.1',
      'accord/para/1.2',
      'accord/para/2',
    ]);
    const section = catalog.byId.get('accord/section/i');
    expect(section?.fields.paragraphs).toEqual(['accord/para/1', 'accord/para/2']);
    const child = catalog.byId.get('accord/para/1.1');
    expect(child?.fields).toMatchObject({ partOf: 'accord/para/1', pillar: 'pillar/i' });
    expect(child?.origin).toEqual({ file, pointer: '/paragraphs/0/paragraphs/0' });
    expect(catalog.byId.get('accord/para/2')?.fields.pillar).toBe('pillar/ii');
  });
});
