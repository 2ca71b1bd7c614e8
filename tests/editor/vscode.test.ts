import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listYamlFiles } from '../../src/load/files.js';
import { kindForFile } from '../../src/schema/model.js';
import { editorSettings } from '../../src/schema/editor-settings.js';
import { readSchemaSet } from '../../src/schema/read.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA_ROOTS = ['data', 'tests/fixtures/fictional/data'];
const settings = JSON.parse(readFileSync(path.join(ROOT, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
const mapping = settings['yaml.schemas'];

/** The YAML extension's globs as used here: `*` is one path segment's characters. */
function matches(glob: string, file: string): boolean {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${pattern}$`).test(file);
}

describe('editor support', () => {
  it('is exactly what the schemas generate (npm run editor-settings writes it)', async () => {
    expect(readFileSync(path.join(ROOT, '.vscode/settings.json'), 'utf8')).toBe(editorSettings(await readSchemaSet(), DATA_ROOTS));
  });

  it('maps each kind with files to its schema, for the data and the fictional fixture, as x-files says', async () => {
    const schemas = await readSchemaSet();
    const expected = Object.fromEntries(
      schemas.kinds.flatMap((k) => (k.files ? [[`./schemas/${k.schemaFile}`, DATA_ROOTS.map((root) => `${root}/${k.files}`)]] : [])),
    );
    expect(mapping).toEqual(expected);
  });

  it('maps to schema files that exist', () => {
    for (const schema of Object.keys(mapping)) expect(existsSync(path.join(ROOT, schema)), schema).toBe(true);
  });

  it('covers every data file with exactly one mapping, to the schema of its kind, and its modeline agrees', async () => {
    const schemas = await readSchemaSet();
    let count = 0;
    for (const root of DATA_ROOTS) {
      for (const file of await listYamlFiles(path.join(ROOT, root))) {
        const full = `${root}/${file}`;
        const mapped = Object.entries(mapping).filter(([, globs]) => globs.some((g) => matches(g, full)));
        expect(
          mapped.map(([schema]) => schema),
          full,
        ).toEqual([`./schemas/${kindForFile(schemas, file)?.schemaFile}`]);
        const modeline = /^# yaml-language-server: \$schema=(\S+)/.exec(readFileSync(path.join(ROOT, full), 'utf8'))?.[1];
        if (modeline !== undefined) {
          expect(path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, full)), modeline)), full).toBe(mapped[0]?.[0].slice(2));
        }
        count++;
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('recommends the YAML language extension', () => {
    const extensions = JSON.parse(readFileSync(path.join(ROOT, '.vscode/extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });
});
