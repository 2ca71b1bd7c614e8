import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics.js';

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8');

describe('CONTRIBUTING.md', () => {
  it('explains every diagnostic code with the meaning src/diagnostics.ts gives it, in the same order', () => {
    const rows = [...read('CONTRIBUTING.md').matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(DIAGNOSTIC_CODES));
  });

  it('is linked from the README', () => {
    expect(read('README.md')).toContain('[CONTRIBUTING.md](CONTRIBUTING.md)');
  });
});
