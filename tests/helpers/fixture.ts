import { fileURLToPath } from 'node:url';
import { compileRelease } from '../../src/build/index.js';
import { compile } from '../../src/compile/index.js';
import type { Publisher } from '../../src/publish/types.js';
import { validateDataDir } from '../../src/validate/index.js';

export const FICTIONAL_DATA = fileURLToPath(new URL('../fixtures/fictional/data/', import.meta.url));

/** The curated data of the repository. */
export const REAL_DATA = fileURLToPath(new URL('../../data/', import.meta.url));

/** The fictional fixture validated and linked, with its release compiled in memory (the whole release: shared, see sharedRelease). */
export function fictionalRelease(publishers?: readonly Publisher[]) {
  return publishers ? compiledRelease(FICTIONAL_DATA, publishers) : sharedRelease(FICTIONAL_DATA);
}

/** A data folder validated and linked, with its release compiled in memory. */
export async function compiledRelease(dataDir: string, publishers?: readonly Publisher[]) {
  const validation = await validateDataDir({ dataDir });
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${dataDir} is invalid: ${JSON.stringify(errors)}`);
  const artifacts = await compileRelease(validation.catalog, validation.schemas, { publishers });
  const text = (path: string) => {
    const artifact = artifacts.find((a) => a.path === path);
    if (!artifact) throw new Error(`no artifact ${path}`);
    return typeof artifact.content === 'string' ? artifact.content : new TextDecoder().decode(artifact.content);
  };
  return { ...validation, compiled: compile(validation.catalog, validation.schemas), artifacts, text };
}

export type Release = Awaited<ReturnType<typeof compiledRelease>>;

const shared = new Map<string, Promise<Release>>();

/**
 * The whole release of a data folder, compiled once per test worker: test files run without
 * isolation (vitest.config.ts), so the files a worker runs share it. Read it, never change it; a
 * test of reproducibility compiles its own with compiledRelease.
 */
export function sharedRelease(dataDir: string): Promise<Release> {
  let release = shared.get(dataDir);
  if (!release) {
    release = compiledRelease(dataDir);
    shared.set(dataDir, release);
  }
  return release;
}

/** The curated and the fictional releases, the pair the linked-data proofs run on. */
export function realAndFictionalReleases(): Promise<[Release, Release]> {
  return Promise.all([sharedRelease(REAL_DATA), sharedRelease(FICTIONAL_DATA)]);
}
