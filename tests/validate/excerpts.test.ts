import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDataDir } from '../../src/validate/index.js';

/** The golden paragraph case (a section with paragraphs 1, 1.1 and 2), to which each test adds commitments. */
const PARAGRAPHS = fileURLToPath(new URL('../fixtures/validate/paragraph-valid/data/', import.meta.url));

async function withCommitments(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'excerpts-'));
  await cp(PARAGRAPHS, dir, { recursive: true });
  await mkdir(path.join(dir, 'commitments'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'commitments', name), text);
  return (await validateDataDir({ dataDir: dir })).diagnostics;
}

const commitment = (id: string, paragraph: string, action: string) => `id: commitment/${id}
paragraph: ${paragraph}
action: ${JSON.stringify(action)}
parties:
  - country/xa
status:
  - value: announced
    statedAs: gazette words
    sources:
      - source/gazette
sources:
  - source/gazette
`;

describe('TEXT_NOT_EXCERPT: a commitment quotes its paragraph word for word', () => {
  it('accepts an unbroken excerpt, from the middle of the text too', async () => {
    expect(
      await withCommitments({
        'a.yaml': commitment('a', 'accord/para/2', 'review progress'),
        'b.yaml': commitment('b', 'accord/para/1', 'Both sides will trade more.'),
      }),
    ).toEqual([]);
  });

  it('reports a changed word at the action, with how far it matches', async () => {
    const diagnostics = await withCommitments({
      '2-review.yaml': commitment('2-review', 'accord/para/2', 'Both sides will review the progress.'),
    });
    expect(diagnostics).toMatchObject([
      {
        code: 'TEXT_NOT_EXCERPT',
        severity: 'error',
        file: 'commitments/2-review.yaml',
        start: { line: 3, column: 9 },
        pointer: '/action',
        hint: 'the first 23 characters match; it differs from "the progress."',
      },
    ]);
  });

  it('leaves an unknown paragraph to the reference check: one diagnostic, not two', async () => {
    const diagnostics = await withCommitments({ 'x.yaml': commitment('x', 'accord/para/9', 'anything') });
    expect(diagnostics.map((d) => d.code)).toEqual(['REF_UNKNOWN']);
  });
});
