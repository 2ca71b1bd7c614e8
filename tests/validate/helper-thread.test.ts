/**
 * Validation with a helper thread (large data folders) reports exactly what
 * validation on one thread reports: the same diagnostics, with the same positions,
 * messages and hints, and the same catalog: each file of every golden case as one thread
 * validates it, and whole the cases whose reports cross files (the helper's files are parsed
 * again for those reports' positions). The helper only runs from the compiled
 * toolkit (a worker cannot load TypeScript), so this test drives lib/js/, which the
 * tests' global setup compiles; the references it compares with are the sources'.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as ValidateModule from '../../src/validate/index.js';
import type * as HelperModule from '../../src/validate/helper-thread.js';
import { readSchemaSet } from '../../src/schema/read.js';
import { readYamlFiles } from '../../src/load/files.js';
import { validateFile } from '../../src/validate/file.js';
import { FICTIONAL_DATA, REAL_DATA } from '../helpers/fixture.js';

const LIB = new URL('../../lib/js/', import.meta.url);
const CASES_DIR = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));
const lib = async <T>(file: string) => (await import(new URL(file, LIB).href)) as T;

const { validateDataDir } = await lib<typeof ValidateModule>('validate.js');
const { startValidationHelper } = await lib<typeof HelperModule>('helper-thread.js');

const withHelper = (dataDir: string) => validateDataDir({ dataDir }, { threads: 'always' });
/** With one helper for many folders, as a command that validates again and again would keep it. */
const withRunningHelper = (dataDir: string, helper: HelperModule.ValidationHelper) => validateDataDir({ dataDir }, { helper });
const alone = (dataDir: string) => validateDataDir({ dataDir }, { threads: 'never' });

const cases = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const caseFiles = async (name: string) => readYamlFiles(path.join(CASES_DIR, name, 'data'));

/** The golden cases where one thread reports something no file's own validation reports. */
async function reportsAcrossFiles(name: string): Promise<boolean> {
  const schemas = await readSchemaSet();
  const perFile = new Set(
    (await caseFiles(name)).flatMap((file) => validateFile(file, schemas).validation.diagnostics.map((d) => JSON.stringify(d))),
  );
  const { diagnostics } = await alone(path.join(CASES_DIR, name, 'data'));
  return diagnostics.some((d) => !perFile.has(JSON.stringify(d)));
}
const crossFileCases = (await Promise.all(cases.map(async (name) => ((await reportsAcrossFiles(name)) ? [name] : [])))).flat();

describe('validation with a helper thread', () => {
  it('runs from the compiled toolkit, and answers for exactly the files it is given', async () => {
    const helper = startValidationHelper();
    const raw = await readYamlFiles(path.join(CASES_DIR, 'duplicate-key', 'data'));
    const validations = await helper.validate(raw, await readSchemaSet());
    expect(validations?.map((v) => v.path)).toEqual(raw.map((f) => f.path));
    const flagged = validations?.flatMap((v) => v.diagnostics.map((d) => `${d.code} ${d.file}:${d.start.line}:${d.start.column}`));
    expect(flagged).toEqual(['YAML_DUPLICATE_KEY countries/xc.yaml:4:1']);
  });

  it('validates every file of every golden case as this thread does', async () => {
    // One helper for all the files: a thread's start-up is most of what a small folder costs.
    const files = (await Promise.all(cases.map(caseFiles))).flat();
    const schemas = await readSchemaSet();
    const helper = startValidationHelper();
    const helped = await helper.validate(files, schemas).finally(() => helper.close());
    expect(helped).toEqual(files.map((file) => validateFile(file, schemas).validation));
    expect(helped.flatMap((v) => v.diagnostics).length).toBeGreaterThan(40);
  });

  // Where a cross-record check reports, the helper's files are parsed again for its positions: the
  // cases with a report no single file makes are run whole, with the helper and without.
  it('runs whole each case with a report no single file makes', () => {
    expect(crossFileCases).toEqual(expect.arrayContaining(['duplicate-id', 'ref-unknown', 'numbering-gap', 'source-unknown']));
  });
  describe('with one helper kept running, as each case is validated', () => {
    let helper: HelperModule.ValidationHelper;
    beforeAll(() => {
      helper = startValidationHelper();
    });
    afterAll(() => helper.close());
    for (const name of crossFileCases) {
      it(`reports what one thread reports: ${name}`, async () => {
        const dataDir = path.join(CASES_DIR, name, 'data');
        const [helped, single] = await Promise.all([withRunningHelper(dataDir, helper), alone(dataDir)]);
        expect(helped.diagnostics).toEqual(single.diagnostics);
      });
    }
  });

  it('starts a helper of its own and stops it, for one validation', async () => {
    const dataDir = path.join(CASES_DIR, 'ref-unknown', 'data');
    const [helped, single] = await Promise.all([withHelper(dataDir), alone(dataDir)]);
    expect(helped.diagnostics).toEqual(single.diagnostics);
    expect(helped.diagnostics.map((d) => d.code)).toContain('REF_UNKNOWN');
  });

  it('places a cross-record report in a file the helper parsed', async () => {
    // The helper takes the first files by path: countries/ comes before organisations/.
    const { diagnostics } = await withHelper(path.join(CASES_DIR, 'duplicate-id', 'data'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'ID_DUPLICATE',
      file: 'countries/xc.yaml',
      start: { line: 1, column: 5 },
      end: { line: 1, column: 15 },
      related: [{ file: 'countries/xa.yaml', start: { line: 1, column: 5 } }],
    });
  });

  it('links the same catalog from the curated and the fictional data', async () => {
    for (const dataDir of [REAL_DATA, FICTIONAL_DATA]) {
      const [helped, single] = await Promise.all([withHelper(dataDir), alone(dataDir)]);
      expect(helped.diagnostics).toEqual([]);
      expect(helped.catalog.records).toEqual(single.catalog.records);
      expect(helped.catalog.records.length).toBeGreaterThan(20);
    }
  });
});
