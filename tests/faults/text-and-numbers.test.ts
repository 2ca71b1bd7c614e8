/**
 * Text and numbers as written (issue 14, items 8, 9 and 12): control characters and
 * bidirectional controls are refused at their position; numbers are published
 * exactly, as decimals CSVW and XSD allow, the same in CSV and N-Quads, or refused;
 * and the small things: deep nesting named, a homoglyph pointed at, "an
 * organisation", printed diagnostics capped with a summary line.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatText } from '../../src/cli/format/text.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { decimalLexical, isExactNumber } from '../../src/model/decimal.js';
import type { SchemaSet } from '../../src/schema/model.js';
import { readSchemaSet } from '../../src/schema/read.js';
import { withArticle } from '../../src/text/article.js';
import { validateFile } from '../../src/validate/file.js';
import { compiledRelease, FICTIONAL_DATA } from '../helpers/fixture.js';

let schemas: SchemaSet;
beforeAll(async () => {
  schemas = await readSchemaSet();
});

const HEADER = '# yaml-language-server: $schema=../../../../../schemas/country.schema.json\n';
const flagged = (text: string, file = 'countries/xz.yaml') =>
  validateFile({ path: file, bytes: Buffer.from(text, 'utf8') }, schemas)
    .validation.diagnostics.filter((d) => !['SCHEMA_REQUIRED', 'SCHEMA_PATTERN'].includes(d.code) || d.message.includes('ASCII'))
    .map((d) => `${d.code} ${d.start.line}:${d.start.column} ${d.message}`);

describe('control characters and bidirectional controls (item 8)', () => {
  it.each([
    ['NUL', 'name: "a\\0b"\n', 'TEXT_CONTROL_CHARACTER 3:7 the text holds U+0000 (NUL, a control character)'],
    ['ESC raw', 'name: "a\u001b[31mred"\n', 'TEXT_CONTROL_CHARACTER 3:9 the text holds U+001B (ESC, escape, a control character)'],
    ['BEL escaped', 'name: "ding\\a"\n', 'TEXT_CONTROL_CHARACTER 3:7 the text holds U+0007 (BEL, the bell, a control character)'],
    ['BS', 'name: "a\\bb"\n', 'TEXT_CONTROL_CHARACTER 3:7 the text holds U+0008 (BS, backspace, a control character)'],
    ['VT', 'name: "a\\vb"\n', 'TEXT_CONTROL_CHARACTER 3:7 the text holds U+000B (VT, vertical tab, a control character)'],
    ['DEL raw', 'name: "a\u007fb"\n', 'TEXT_CONTROL_CHARACTER 3:9 the text holds U+007F (DEL, a control character)'],
    ['RLO raw', 'officialName: "Republic \u202eof"\n', 'TEXT_CONTROL_CHARACTER 3:25 the text holds U+202E (RLO, a bidirectional control)'],
    ['LRI escaped', 'officialName: "x\\u2066y"\n', 'TEXT_CONTROL_CHARACTER 3:15 the text holds U+2066 (LRI, a bidirectional control)'],
  ])('refuses %s at its position', (_name, line, expected) => {
    expect(flagged(`${HEADER}id: country/xz\n${line}`)).toEqual([expected]);
  });

  it('allows tabs and line breaks in text', () => {
    expect(flagged(`${HEADER}id: country/xz\nname: "a\\tb"\nofficialName: |\n  two\n  lines\n`)).toEqual([]);
  });
});

describe('numbers are exact (item 9)', () => {
  it('refuses a number a JSON number cannot hold, at its position', () => {
    const text = `# yaml-language-server: $schema=../../../../../schemas/statistic.schema.json\nid: statistic/big\nvalue: 12345678901234567890\n`;
    expect(flagged(text, 'statistics/big.yaml').filter((l) => l.startsWith('NUMBER'))).toEqual([
      'NUMBER_INEXACT 3:8 12345678901234567890 cannot be held exactly: it would be published as 12345678901234567000',
    ]);
  });

  it('tells exact numbers from inexact ones', () => {
    for (const [source, exact] of [
      ['0.1', true],
      ['1e3', true],
      ['0.1e-7', true],
      ['-0', true],
      ['007', true],
      ['0x1F', true],
      ['9007199254740993', false],
      ['1e400', false],
      ['1e-400', false],
      ['0.30000000000000004', true],
      ['3.14159265358979323846', false],
    ] as const) {
      expect(isExactNumber(source, Number(source.replace(/^0x/, '0x'))), source).toBe(exact);
    }
  });

  it('writes decimals without an exponent and -0 as 0', () => {
    expect([1e-8, 0.1e-7, -0, 1e21, 1.5e-10, -2.5e-7, 123.456, 0, -1250.5].map(decimalLexical)).toEqual([
      '0.00000001',
      '0.00000001',
      '0',
      '1000000000000000000000',
      '0.00000000015',
      '-0.00000025',
      '123.456',
      '0',
      '-1250.5',
    ]);
  });

  it('publishes a small and a negative-zero value the same in CSV and N-Quads, as decimals', async () => {
    for (const [written, published] of [
      ['0.1e-7', '0.00000001'],
      ['-0', '0'],
    ] as const) {
      const root = await mkdtemp(path.join(os.tmpdir(), 'numbers-'));
      await cp(FICTIONAL_DATA, root, { recursive: true });
      const file = path.join(root, 'statistics', 'visitors-2029.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('value: -1250.5', `value: ${written}`));
      const release = await compiledRelease(root);
      const csv = release.text('csv/statistics.csv');
      expect(csv.split('\r\n')[1]).toContain(`,${published},`);
      expect(release.text('partnership.nq')).toContain(`"${published}"^^<http://www.w3.org/2001/XMLSchema#decimal>`);
    }
  });
});

describe('minor (item 12)', () => {
  it('names deep nesting for what it is', () => {
    const deep = `${HEADER}id: country/xz\nname: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const codes = flagged(deep).map((l) => l.split(' ').slice(0, 1).concat(l.split(' ').slice(2).join(' ')).join(' '));
    expect(codes).toEqual(['YAML_TOO_DEEP mappings and lists are nested too deeply to read']);
  });

  it('points at the look-alike character in an id', () => {
    expect(flagged(`${HEADER}id: country/x\u0435\nname: X\n`).filter((l) => l.startsWith('SCHEMA_PATTERN'))).toEqual([
      'SCHEMA_PATTERN 2:14 id is "country/x\u0435", which does not have the required form: `country/` and the ISO 3166-1 alpha-2 code in lower case.; it holds "\u0435" (U+0435), which is not ASCII: a look-alike of a Latin letter?',
    ]);
  });

  it('says "an organisation", "a country", "a uri"', () => {
    expect(['organisation', 'country', 'uri', 'event', 'agreement', 'unit'].map(withArticle)).toEqual([
      'an organisation',
      'a country',
      'a uri',
      'an event',
      'an agreement',
      'a unit',
    ]);
  });

  it('prints at most 200 diagnostics, then a summary line', () => {
    const many: Diagnostic[] = Array.from({ length: 250 }, (_, i) => ({
      code: 'REF_UNKNOWN',
      severity: 'error',
      message: `m${i}`,
      file: `f${String(i).padStart(3, '0')}.yaml`,
      start: { line: 1, column: 1 },
    }));
    const text = formatText(many);
    expect(text.match(/REF_UNKNOWN/g)).toHaveLength(200);
    expect(
      text.endsWith(
        '\n... and 50 more not shown (the first 200 are above; --format json lists them all)\n\n250 problems (250 errors, 0 warnings)\n',
      ),
    ).toBe(true);
  });
});
