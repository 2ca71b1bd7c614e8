/**
 * The schemas are checked when they are read: a malformed x- annotation, a name it gives that does
 * not exist, or a schema the build could not publish is a positioned report of its own code (exit 1),
 * never a fault half-way through a build.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadSchemaSet } from '../../src/validate/schemas.js';
import { FICTIONAL_DATA } from '../helpers/fixture.js';

const SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** A copy of the shipped schemas with one file's text changed. */
async function schemasWith(file: string, change: (text: string) => string): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'schemas-')), 'schemas');
  await cp(SCHEMAS, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = await readFile(target, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the change to ${file} changed nothing`);
  await writeFile(target, after);
  return dir;
}

const summary = async (dir: string) =>
  (await loadSchemaSet(dir)).diagnostics.map((d) => `${d.code} ${d.file}:${d.start.line}:${d.start.column} ${d.pointer ?? ''}`);

describe('reading the schemas', () => {
  it('finds nothing wrong with the shipped schemas', async () => {
    const { diagnostics, schemas } = await loadSchemaSet(SCHEMAS);
    expect(diagnostics).toEqual([]);
    expect(schemas.kinds.length).toBeGreaterThan(10);
  });

  it('reports an unknown annotation keyword at its key', async () => {
    const dir = await schemasWith('pillar.schema.json', (t) => t.replace('"x-table"', '"x-tabel"'));
    expect(await summary(dir)).toEqual(['SCHEMA_ANNOTATION pillar.schema.json:9:3 /x-tabel']);
  });

  it('reports a malformed x-rdf at the value', async () => {
    const dir = await schemasWith('pillar.schema.json', (t) =>
      t.replace('"x-rdf": { "predicate": "skos:notation"', '"x-rdf": { "predicat": "skos:notation"'),
    );
    const [report] = await summary(dir);
    expect(report).toMatch(/^SCHEMA_ANNOTATION pillar\.schema\.json:\d+:\d+ \/properties\/notation\/x-rdf/);
  });

  it('reports a prefix no vocabulary has, and a kind no schema defines', async () => {
    const dir = await schemasWith('pillar.schema.json', (t) => t.replace('"skos:notation"', '"skso:notation"'));
    expect((await summary(dir))[0]).toMatch(/^SCHEMA_ANNOTATION pillar\.schema\.json:\d+:\d+ \/properties\/notation\/x-rdf\/predicate$/);
    const refs = await schemasWith('paragraph.schema.json', (t) => t.replace('"x-nested": "paragraph"', '"x-nested": "paragrahp"'));
    expect((await summary(refs))[0]).toMatch(/^SCHEMA_ANNOTATION paragraph\.schema\.json:\d+:\d+ \/properties\/paragraphs\/x-nested$/);
  });

  it('reports a schema the build could not publish (a property without a predicate) at that property', async () => {
    const dir = await schemasWith('pillar.schema.json', (t) =>
      t.replace(/("notation": \{[^}]*?), "x-rdf": \{ "predicate": "skos:notation" \}/, '$1'),
    );
    expect(await summary(dir)).toEqual([expect.stringMatching(/^SCHEMA_MODEL pillar\.schema\.json:\d+:5 \/properties\/notation$/)]);
  });

  it('reports a file that is not JSON where it breaks', async () => {
    const dir = await schemasWith('pillar.schema.json', (t) => t.replace('"x-table"', '"x-table" "x"'));
    expect((await summary(dir))[0]).toMatch(/^SCHEMA_ANNOTATION pillar\.schema\.json:9:\d+/);
  });

  it('makes validate and build exit 1 with the report, building nothing', async () => {
    const dir = await schemasWith('pillar.schema.json', (t) => t.replace('"x-table"', '"x-tabel"'));
    const out = path.join(path.dirname(dir), 'dist');
    for (const command of [['validate'], ['build', '--out', out]]) {
      let stderr = '';
      const io = { stdout: () => undefined, stderr: (text: string) => void (stderr += text), cwd: path.dirname(dir) };
      const code = await main(['node', 'partnership', ...command, '--data', FICTIONAL_DATA, '--schemas', dir], io);
      expect(code, command[0]).toBe(1);
      expect(stderr).toContain('SCHEMA_ANNOTATION');
      expect(stderr).toContain('schemas/pillar.schema.json');
    }
  });
});
