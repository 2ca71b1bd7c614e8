/**
 * What the toolkit loads at run time is what package.json installs with `npm ci --omit=dev`:
 * every package the sources import is a runtime dependency, and the test-only references
 * (jsonld.js, N3.js) are not among them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The packages a source file imports (static, dynamic and type-only imports), by package name. */
function importedPackages(text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'([^']+)'/g)].map((m) => m[1] ?? '');
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] ?? s)));
}

const sources = readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => path.join(e.parentPath, e.name));

describe('runtime dependencies', () => {
  it('lists every package the sources import, and only those', () => {
    const imported = new Set(sources.flatMap((file) => importedPackages(readFileSync(file, 'utf8'))));
    expect([...imported].sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });

  it('keeps the independent references the tests compare with out of the toolkit', () => {
    for (const name of ['jsonld', 'n3', '@types/jsonld', '@types/n3']) {
      expect(manifest.dependencies[name], name).toBeUndefined();
      expect(manifest.devDependencies[name], name).toBeDefined();
    }
  });

  it('finds imports of every form', () => {
    expect(
      importedPackages(
        "import a from 'x';\nimport type { B } from '@s/y/z';\nconst c = await import('w/sub');\nimport 'side';\nimport d from './local.js';\nimport e from 'node:fs';",
      ),
    ).toEqual(['x', '@s/y', 'w', 'side']);
  });
});
