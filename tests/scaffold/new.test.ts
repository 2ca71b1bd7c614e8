import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPair, isScalar, parseDocument, visit } from 'yaml';
import { main } from '../../src/cli/main.js';
import { formatYaml, kindOrder } from '../../src/fmt/format.js';
import { kindOrThrow, type PropertyInfo } from '../../src/schema/model.js';
import { readSchemaSet } from '../../src/schema/read.js';
import { validateDataDir } from '../../src/validate/index.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

/** A new record of every kind that has its own files (the dataset is one per folder: tested apart). */
const NEW_IDS: Record<string, string> = {
  agreement: 'agreement/test-new',
  country: 'country/xc',
  document: 'test-doc',
  event: 'event/test-new',
  organisation: 'org/test-new',
  partnership: 'partnership/test-new',
  person: 'person/test-new',
  pillar: 'pillar/iii',
  quotation: 'quotation/test-new',
  section: 'accord/section/test-new',
  source: 'source/test-new',
  statistic: 'statistic/test-new',
};

/** Values with a form only the record's place in the data decides (what a curator types by hand). */
const BY_HAND: Record<string, string> = {
  'section.document': 'accord',
  'paragraph.id': 'accord/para/4',
  'paragraph.number': '4',
  'pillar.notation': 'III',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'new-'));
  await cp(FICTIONAL_DATA, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), cwd: dir };
  return main(['node', 'partnership', 'new', ...args, '--data', '.'], io).then((code) => ({ code, out: out.join(''), err: err.join('') }));
}

/** The lines of a new scaffold that are not comments. */
async function scaffoldLines(kind: string, id: string): Promise<string[]> {
  const result = await run(kind, id);
  const text = await readFile(path.join(dir, result.out.trim()), 'utf8');
  return text.split('\n').filter((line) => !line.trimStart().startsWith('#'));
}

describe('partnership new', () => {
  it('leaves every choice to the curator: enums get the placeholder, never a default that would pass as a fact', async () => {
    expect(await scaffoldLines('organisation', 'org/choices-left-open')).toEqual([
      'id: org/choices-left-open',
      'name: TODO',
      'kind: TODO',
      'sources:',
      '  - TODO',
      '',
    ]);
  });

  it('scaffolds no claim: an agreement’s kind, status, dates and parties are added only with a source', async () => {
    expect(await scaffoldLines('agreement', 'agreement/choices-left-open')).toEqual([
      'id: agreement/choices-left-open',
      'title: TODO',
      'sources:',
      '  - TODO',
      '',
    ]);
  });

  it.each(Object.entries(NEW_IDS))('scaffolds a %s that validates once its TODOs are filled', async (kindName, id) => {
    const schemas = await readSchemaSet();
    const kind = kindOrThrow(schemas, kindName);
    const result = await run(kindName, id);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const file = result.out.trim();
    const text = await readFile(path.join(dir, file), 'utf8');
    expect(text.startsWith(`# yaml-language-server: $schema=`)).toBe(true);
    // The scaffold is already in the canonical layout.
    expect(formatYaml(text, kindOrder(kind, schemas))).toMatchObject({ ok: true, changed: false });

    // As written, it fails only on its placeholders (and what they stand in for).
    const before = await validateDataDir({ dataDir: dir });
    const own = before.diagnostics.filter((d) => d.file === file);
    expect(own.filter((d) => d.code === 'PLACEHOLDER').length).toBe(text.match(/: TODO$|- TODO$/gm)?.length ?? 0);

    // Fill every TODO as a curator would, then the whole folder validates.
    const used = new Map<string, number>();
    const document = parseDocument(text);
    visit(document, {
      Scalar(_key, node, ancestry) {
        if (node.value !== 'TODO') return;
        // Walk the keys from the top, through nested kinds and objects, to the property.
        const keys = ancestry.filter((a) => isPair(a)).map((a) => (isPair(a) && isScalar(a.key) ? String(a.key.value) : ''));
        let owner = kindName;
        let level: readonly PropertyInfo[] = kind.properties;
        let property: PropertyInfo | undefined;
        for (const name of keys) {
          property = level.find((p) => p.name === name);
          if (property?.nested) {
            owner = property.nested;
            level = kindOrThrow(schemas, property.nested).properties;
          } else if (property?.object) level = property.object.properties;
        }
        const key = `${property?.nested ?? owner}.${property?.name ?? ''}`;
        const refKind = property?.refKinds?.[0];
        // Distinct existing records, for lists that must not repeat an item.
        const candidates = refKind ? (before.catalog.byKind.get(refKind) ?? []).filter((r) => r.origin.file !== file) : [];
        const list = keys.join('/');
        const existing = candidates[used.get(list) ?? 0];
        used.set(list, (used.get(list) ?? 0) + 1);
        const choice =
          property?.enum?.[0] ??
          (property?.valueType === 'boolean'
            ? false
            : property?.valueType === 'integer' || property?.valueType === 'number'
              ? 1
              : undefined);
        node.value =
          BY_HAND[key] ??
          existing?.id ??
          choice ??
          (property?.format?.includes('date')
            ? '2030-01-01'
            : property?.format === 'uri'
              ? 'https://example.org/x'
              : 'Filled by the test.');
      },
    });
    // Where the new section goes in its document is the curator's call too.
    if (kindName === 'section') document.set('order', 3);
    await writeFile(path.join(dir, file), document.toString());
    const after = await validateDataDir({ dataDir: dir });
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses an id that exists, with the file that holds it', async () => {
    expect(await run('agreement', 'agreement/ports-mou')).toMatchObject({ code: 1, out: '' });
    expect((await run('agreement', 'agreement/ports-mou')).err).toBe(
      'partnership new: the id "agreement/ports-mou" already exists in agreements/ports-mou.yaml; ids are never reused, choose another\n',
    );
    expect((await run('dataset', 'dataset')).code).toBe(1);
  });

  it('refuses a malformed id with the pattern from the schema', async () => {
    expect(await run('agreement', 'Agreement/Bad Id')).toEqual({
      code: 1,
      out: '',
      err: 'partnership new: "Agreement/Bad Id" is not a valid agreement id: it must match ^agreement/[a-z0-9]+(-[a-z0-9]+)*$\n',
    });
  });

  it('refuses an unknown kind, or one without files of its own, as a usage error', async () => {
    expect((await run('treaty', 'treaty/x')).code).toBe(2);
    expect((await run('paragraph', 'accord/para/9')).code).toBe(2);
    expect((await run('treaty', 'treaty/x')).err).toMatch(
      /^partnership new: unknown kind "treaty"; kinds with their own files: agreement, commitment, country, /,
    );
  });
});
