import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatYaml, kindOrder, orderForFile } from '../../src/fmt/format.js';
import { listYamlFiles } from '../../src/load/files.js';
import { kindForFile, kindOrThrow, type SchemaSet } from '../../src/schema/model.js';
import { readSchemaSet } from '../../src/schema/read.js';
import { FICTIONAL_DATA, REAL_DATA } from '../helpers/fixture.js';

let schemas: SchemaSet;
beforeAll(async () => {
  schemas = await readSchemaSet();
});

function formatted(text: string, order = kindOrder(kindOrThrow(schemas, 'section'), schemas)): string {
  const result = formatYaml(text, order);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe('formatYaml', () => {
  it('orders keys as the schema does, keeps every comment with its key, and quotes by one rule', () => {
    const input = [
      '# yaml-language-server: $schema=../../../schemas/section.schema.json',
      '# A header comment stays on top.',
      'title: Trade',
      'order: 1',
      'id: accord/section/trade # the id never changes',
      'document: accord',
      'paragraphs:',
      '  # the first paragraph',
      "  - text: 'Both sides: agree.'",
      '    number: "1"',
      '    id: accord/para/1',
      '    paragraphs:',
      '      - mentions: [country/xa, "country/xb"]',
      '        id: accord/para/1.1',
      '        text: >-',
      '          Folded',
      '          text.',
      "        number: '1.1'",
      '',
    ].join('\n');
    expect(formatted(input)).toBe(
      [
        '# yaml-language-server: $schema=../../../schemas/section.schema.json',
        '# A header comment stays on top.',
        'id: accord/section/trade # the id never changes',
        'document: accord',
        'order: 1',
        'title: Trade',
        'paragraphs:',
        '  # the first paragraph',
        '  - id: accord/para/1',
        '    number: "1"',
        '    text: "Both sides: agree."',
        '    paragraphs:',
        '      - id: accord/para/1.1',
        '        number: "1.1"',
        '        text: "Folded text."',
        '        mentions:',
        '          - country/xa',
        '          - country/xb',
        '',
      ].join('\n'),
    );
  });

  it('folds long prose at the line width and writes multi-line text as a literal block', () => {
    const long = 'word '.repeat(40).trim();
    const output = formatted(
      `id: accord/section/x\ntitle: ${long}\nnote: "a\\nb"\n`,
      kindOrder(kindOrThrow(schemas, 'agreement'), schemas),
    );
    expect(output.split('\n').every((line) => line.length <= 100)).toBe(true);
    expect(output).toContain('note: |-\n  a\n  b\n');
    expect(parseDocument(output).toJS()).toEqual({ id: 'accord/section/x', title: long, note: 'a\nb' });
  });

  it('quotes words YAML 1.1 would read as booleans, numbers or dates, and leaves ids plain', () => {
    const output = formatted(
      'id: "agreement/x"\nacronym: "yes"\ndateSigned: 2025-05\nbinding: true\n',
      kindOrder(kindOrThrow(schemas, 'agreement'), schemas),
    );
    expect(output).toBe('id: agreement/x\nacronym: "yes"\nbinding: true\ndateSigned: "2025-05"\n');
  });

  it('puts unknown keys after the schema keys, in their written order', () => {
    const output = formatted('zeta: 1\nalpha: 2\nid: agreement/x\n', kindOrder(kindOrThrow(schemas, 'agreement'), schemas));
    expect(output).toBe('id: agreement/x\nzeta: 1\nalpha: 2\n');
  });

  it('leaves a file it cannot parse alone and says why', () => {
    const result = formatYaml('id: [unclosed\n');
    expect(result.ok).toBe(false);
  });
});

describe.each([
  ['the curated data', REAL_DATA],
  ['the fictional fixture', FICTIONAL_DATA],
])('formatting %s', (_name, root) => {
  it('never changes a parsed value, and formatting twice equals formatting once', async () => {
    const files = await listYamlFiles(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = await readFile(path.join(root, file), 'utf8');
      const order = orderForFile(schemas, kindForFile(schemas, file));
      const once = formatted(text, order);
      expect(parseDocument(once, { schema: 'core' }).toJS(), file).toEqual(parseDocument(text, { schema: 'core' }).toJS());
      expect(formatted(once, order), file).toBe(once);
      // Comments survive: the same comment lines, in the same order.
      const comments = (t: string) => t.split('\n').flatMap((l) => (l.match(/#.*$/) ?? []).slice(0, 1));
      expect(comments(once), file).toEqual(comments(text));
    }
  });
});
