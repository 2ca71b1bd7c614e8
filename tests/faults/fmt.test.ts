/**
 * `partnership fmt` never changes data (issue 14, item 4): a file with load
 * errors is refused, saying why, and left byte for byte; and a property test over
 * generated YAML shows load -> validate -> fmt never crashes, and that for every
 * file it rewrites the parsed value is unchanged and a second run is a no-op.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatDataFile } from '../../src/fmt/files.js';
import { parseDataFile } from '../../src/load/parse.js';
import type { SchemaSet } from '../../src/schema/model.js';
import { readSchemaSet } from '../../src/schema/read.js';
import { validateFile } from '../../src/validate/file.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';
import { runCli } from '../helpers/cli.js';

let schemas: SchemaSet;
beforeAll(async () => {
  schemas = await readSchemaSet();
});

const run = runCli;

const HEADER = '# yaml-language-server: $schema=../../../../../schemas/country.schema.json\n';

describe('fmt refuses a file with load errors and leaves it as it was', () => {
  it.each([
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from(`${HEADER}id: country/xz\nname: "caf`), Buffer.from([0xe9]), Buffer.from('"\n')]),
      'FILE_ENCODING',
    ],
    ['a flagged unquoted number', Buffer.from(`${HEADER}id: country/xz\nname: 007\nofficialName: 0x1F\n`), 'YAML_UNQUOTED_SCALAR'],
    ['an empty file', Buffer.from(''), 'FILE_EMPTY'],
    ['an alias', Buffer.from(`${HEADER}id: &x country/xz\nname: *x\n`), 'YAML_ALIAS'],
    ['a file over the size limit', Buffer.from(`${HEADER}id: country/xz\nname: "${'x'.repeat(10 * 1024 * 1024)}"\n`), 'FILE_TOO_LARGE'],
  ])('%s', async (_case, bytes, code) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'fmt-refuses-'));
    await cp(FICTIONAL_DATA, path.join(root, 'data'), { recursive: true });
    const file = path.join(root, 'data', 'countries', 'xz.yaml');
    await writeFile(file, bytes);
    const started = Date.now();
    const result = await run(['fmt', '--data', 'data'], root);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^data/countries/xz\\.yaml: not formatted: it has load errors, fix them first \\(see \`partnership validate\`\\): \\d+:\\d+ .*\\[${code}\\]`,
        'm',
      ),
    );
    expect((await readFile(file)).equals(bytes)).toBe(true);
    expect((await run(['fmt', '--data', 'data', '--check'], root)).exitCode).toBe(1);
  });
});

/** Text a data file may hold: prose with quotes, colons, hashes, non-ASCII, digits, and words YAML reads as other things. */
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '007',
    '0x1F',
    '1e3',
    'yes',
    'no',
    'null',
    '~',
    'true',
    '-0',
    '12345678901234567890',
    '0.1e-7',
    'a: b',
    '# not a comment',
    "it's",
    '"q"',
    'Seoul 서울',
    '  lead',
    'trail  ',
    'a\nb',
    'x\n',
    '- item',
    '[x]',
    '{y}',
    '&anchor',
    '*alias',
    '!tag',
    '%',
    '@',
    '`',
  ),
);
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/), tie('node'), { maxKeys: 4 }),
})).node;

/** A YAML file as a person might write it: a record with the fields of a country, and others, in varied styles, sometimes damaged. */
const yamlFile = fc
  .record({
    fields: fc.dictionary(fc.constantFrom('id', 'name', 'officialName', 'sources', 'note', 'extra', 'alpha2'), value, { maxKeys: 6 }),
    style: fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      indent: fc.integer({ min: 1, max: 4 }),
      lineWidth: fc.constantFrom(0, 20, 80),
    }),
    comment: fc.option(fc.string({ maxLength: 20 }).map((c) => `# ${c.replace(/\n/g, ' ')}\n`)),
    damage: fc.option(
      fc.record({
        at: fc.nat(),
        insert: fc.constantFrom('\t', ':', '- ', '"', "'", '&a ', '*a', '!!str ', '\u0000', '\r\n', '\n  ', '#', '{', '---\n'),
      }),
    ),
  })
  .map(({ fields, style, comment, damage }) => {
    let source = `${comment ?? ''}${stringify(fields, { ...style, minContentWidth: 0 })}`;
    if (damage) {
      const at = damage.at % (source.length + 1);
      source = source.slice(0, at) + damage.insert + source.slice(at);
    }
    return source;
  });

describe('load -> validate -> fmt over generated YAML (property)', () => {
  it('never throws, and never changes a value; formatting again changes nothing', () => {
    let rewritten = 0;
    fc.assert(
      fc.property(yamlFile, (source) => {
        const raw = { path: 'countries/xz.yaml', bytes: Buffer.from(source, 'utf8') };
        validateFile(raw, schemas); // never throws
        const outcome = formatDataFile(raw, schemas);
        if (outcome.status !== 'changed') return;
        rewritten++;
        const before = parseDataFile(raw.path, raw.bytes);
        const after = parseDataFile(raw.path, Buffer.from(outcome.text, 'utf8'));
        expect(after.value).toStrictEqual(before.value);
        expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(formatDataFile({ path: raw.path, bytes: Buffer.from(outcome.text, 'utf8') }, schemas).status).toBe('unchanged');
      }),
      { numRuns: 250, seed: 14 },
    );
    expect(rewritten).toBeGreaterThan(50);
  });

  it('the fmt command never exits 3 on generated files, and leaves refused files byte for byte', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'fmt-property-'));
    await cp(FICTIONAL_DATA, path.join(root, 'data'), { recursive: true });
    const file = path.join(root, 'data', 'countries', 'xz.yaml');
    await fc.assert(
      fc.asyncProperty(yamlFile, async (source) => {
        await writeFile(file, source);
        const result = await run(['fmt', '--data', 'data'], root);
        expect([0, 1]).toContain(result.exitCode);
        const written = await readFile(file, 'utf8');
        if (result.stderr.includes('xz.yaml: not formatted')) expect(written).toBe(source);
        else
          expect(parseDataFile('countries/xz.yaml', Buffer.from(written)).value).toStrictEqual(
            parseDataFile('countries/xz.yaml', Buffer.from(source)).value,
          );
      }),
      { numRuns: 12, seed: 14 },
    );
  }, 120_000);
});
