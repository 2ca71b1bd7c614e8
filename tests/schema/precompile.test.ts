import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedSchemasFingerprint, precompiledSource } from '../../src/schema/precompile.js';
import { readSchemaSet } from '../../src/schema/read.js';
import { createAjv, FORMATS, type PrecompiledModule, schemaFingerprint, schemaTextsFingerprint } from '../../src/schema/validator.js';
import { readSchemaTexts } from '../../src/validate/schemas.js';

describe('precompiled validators', () => {
  let scratch: string;
  let module: PrecompiledModule;
  beforeAll(async () => {
    // Inside the package, so the generated code's require("ajv/...") resolves as it does from lib/js/.
    const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
    await mkdir(cache, { recursive: true });
    scratch = await mkdtemp(path.join(cache, 'precompiled-'));
    const file = path.join(scratch, 'validators.cjs');
    await writeFile(file, precompiledSource(await readSchemaSet()));
    module = createRequire(import.meta.url)(file) as PrecompiledModule;
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('carries the fingerprint of the schemas they were made from', async () => {
    const schemas = await readSchemaSet();
    expect(module.fingerprint).toBe(schemaFingerprint(schemas));
    expect(module.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('report exactly the errors that run-time compilation reports', async () => {
    const schemas = await readSchemaSet();
    const precompiled = module.create(FORMATS);
    const ajv = createAjv(schemas);
    const cases: [string, unknown][] = [
      [
        'agreement',
        {
          id: 'agreement/x',
          title: ' padded ',
          kind: [{ value: 'mou' }],
          binding: 'no',
          dateSigned: [{ value: '2025-02-30', statedAs: 'x', extra: 1 }],
          extra: 1,
        },
      ],
      ['event', { id: 'Event/bad', name: 'A', kind: 'visit', startDate: '2025-13', sources: [] }],
      ['dataset', { id: 'dataset', license: 'not a uri', issued: '2026-02-29' }],
      ['country', { id: 'country/kr', name: 'Korea', sources: ['source/a'] }],
    ];
    for (const [kind, value] of cases) {
      const schemaId = schemas.byKind.get(kind)?.schemaId ?? '';
      const runtime = ajv.getSchema(schemaId);
      const standalone = precompiled[kind];
      expect(standalone?.(value)).toBe(runtime?.(value));
      expect(standalone?.errors ?? null).toEqual(runtime?.errors ?? null);
    }
    // The last case is valid; the others fail on their formats and patterns too.
    expect(precompiled.country?.errors).toBeNull();
    precompiled.agreement?.({ id: 'agreement/x', dateSigned: [{ value: '2025-02-30', statedAs: 'x' }] });
    const codes = precompiled.agreement?.errors ?? [];
    expect(codes.map((e) => e.keyword)).toContain('format');
  });
});

describe('schemas checked at compile time', () => {
  const shipped = fileURLToPath(new URL('../../schemas/', import.meta.url));

  it('records the texts of the shipped schemas, which pass every check', async () => {
    const fingerprint = await checkedSchemasFingerprint(shipped);
    expect(fingerprint).toBe(schemaTextsFingerprint(await readSchemaTexts(shipped)));
    expect(precompiledSource(await readSchemaSet(), fingerprint)).toContain(`exports.checkedSchemas = "${fingerprint}";`);
  });

  it('records nothing for schemas that fail a check, so validate checks them again', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'schemas-'));
    await cp(shipped, dir, { recursive: true });
    const file = path.join(dir, 'pillar.schema.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"x-table"', '"x-tabel"'));
    expect(await checkedSchemasFingerprint(dir)).toBeUndefined();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells texts apart that parse to the same value', () => {
    expect(schemaTextsFingerprint([['a.schema.json', '{"a":1}']])).not.toBe(schemaTextsFingerprint([['a.schema.json', '{ "a": 1 }']]));
  });
});
