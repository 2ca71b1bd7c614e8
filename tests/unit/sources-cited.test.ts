import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readYamlFiles } from '../../src/load/files.js';
import type { SchemaSet } from '../../src/schema/model.js';
import { readSchemaSet } from '../../src/schema/read.js';
import { validateFiles } from '../../src/validate/index.js';

const CASES = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));

/** The shipped schemas, with paragraphs no longer inheriting their section's sources. */
async function withoutInheritedSources(): Promise<SchemaSet> {
  const schemas = await readSchemaSet();
  const sources = schemas.byKind.get('paragraph')?.properties.find((p) => p.name === 'sources');
  if (!sources?.inherit) throw new Error('expected paragraphs to inherit sources in the shipped schemas');
  sources.inherit = false;
  return schemas;
}

describe('sources-cited', () => {
  it('reports each nested record that cites nothing when nothing is inherited', async () => {
    const raw = await readYamlFiles(`${CASES}paragraph-valid/data`);
    const { diagnostics } = validateFiles(raw, await withoutInheritedSources());
    expect(diagnostics.map((d) => [d.code, d.file, d.start.line, d.start.column])).toEqual([
      ['SOURCE_MISSING', 'sections/accord/01-trade.yaml', 7, 5],
      ['SOURCE_MISSING', 'sections/accord/01-trade.yaml', 11, 9],
      ['SOURCE_MISSING', 'sections/accord/01-trade.yaml', 14, 5],
    ]);
  });

  it('stays silent on nested records when their top-level record already lacks sources (one problem, one report)', async () => {
    const raw = await readYamlFiles(`${CASES}section-no-sources/data`);
    const { diagnostics } = validateFiles(raw, await withoutInheritedSources());
    expect(diagnostics.map((d) => [d.code, d.start.line])).toEqual([['SCHEMA_REQUIRED', 1]]);
  });
});
