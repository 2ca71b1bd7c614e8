import { describe, expect, it } from 'vitest';
import { cellText, escapeFormula, formatCsv, unescapeFormula } from '../../src/compile/tabular/csv.js';
import { singular, snakeCase } from '../../src/compile/tabular/naming.js';
import { parseCsv } from '../helpers/read-tables.js';

describe('formula escaping', () => {
  it.each([
    ['=SUM(1)', "'=SUM(1)"],
    ['+1', "'+1"],
    ['-x', "'-x"],
    ['@cmd', "'@cmd"],
    ['\tTab', "'\tTab"],
    ['\rCR', "'\rCR"],
    ["'quoted", "''quoted"],
    ['plain = text', 'plain = text'],
    ['', ''],
  ])('%j is written as %j and read back', (value, written) => {
    expect(escapeFormula(value)).toBe(written);
    expect(unescapeFormula(escapeFormula(value))).toBe(value);
  });

  it('escapes text cells only: numbers and booleans stay as they are', () => {
    expect(cellText(-1250.5, 'number')).toBe('-1250.5');
    expect(cellText(-3, 'integer')).toBe('-3');
    expect(cellText(false, 'boolean')).toBe('false');
    expect(cellText('-1250.5', 'string')).toBe("'-1250.5");
    expect(cellText(undefined, 'string')).toBe('');
  });
});

describe('formatCsv', () => {
  it('quotes only fields with a quote, comma or line break, and ends every row with CRLF', () => {
    const text = formatCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['line\nbreak', 'plain'],
        ['', 'cr\r'],
      ],
    );
    expect(text).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",plain\r\n,"cr\r"\r\n');
    expect(parseCsv(text).rows).toEqual([
      { a: 'x,y', b: 'say "hi"' },
      { a: 'line\nbreak', b: 'plain' },
      { a: '', b: 'cr\r' },
    ]);
  });
});

describe('naming', () => {
  it.each([
    ['dateInForce', 'date_in_force'],
    ['baseIri', 'base_iri'],
    ['partOf', 'part_of'],
    ['id', 'id'],
    ['URLPath', 'url_path'],
  ])('snakeCase(%s) = %s', (name, snake) => expect(snakeCase(name)).toBe(snake));

  it.each([
    ['parties', 'party'],
    ['roles', 'role'],
    ['announced', 'announced'],
    ['address', 'address'],
    ['alternative_titles', 'alternative_title'],
    ['status', 'status'],
  ])('singular(%s) = %s', (plural, one) => expect(singular(plural)).toBe(one));
});
