/**
 * A version of the data to compare: a data folder (validated and linked), a
 * built release folder (its records.json), or a git ref (the data folder as
 * committed there, read from git without touching the work tree).
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { hasErrors } from '../diagnostics.js';
import type { RawFile } from '../load/files.js';
import type { Catalog, Fields } from '../model/catalog.js';
import type { SchemaSet } from '../schema/model.js';
import { validateDataDir, validateFiles } from '../validate/index.js';
import type { Version, VersionRecord } from './compare.js';
import { byText } from '../util/compare.js';

export const RELEASE_RECORDS = 'records.json';

export interface VersionSource {
  /** Folder or git ref, as given. */
  spec: string;
  cwd: string;
  /** Folder of the data inside the repository, for git refs. */
  dataPath: string;
  schemas: SchemaSet;
  schemaDir?: string;
}

/** The data of a version does not validate: the diagnostics say why. */
export class InvalidVersionError extends Error {
  constructor(
    readonly spec: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super(`${spec}: the data is invalid`);
  }
}

/** Neither a folder nor a git ref. */
export class UnknownVersionError extends Error {}

function fromCatalog(label: string, catalog: Catalog): Version {
  return { label, records: catalog.records.map(({ id, kind, fields }) => ({ id, kind, fields })) };
}

function checked(spec: string, validation: { diagnostics: Diagnostic[]; catalog: Catalog }): Version {
  if (hasErrors(validation.diagnostics)) throw new InvalidVersionError(spec, validation.diagnostics);
  return fromCatalog(spec, validation.catalog);
}

/** records.json: records by kind, as the build writes them. */
export function parseReleaseRecords(label: string, text: string): Version {
  const byKind = JSON.parse(text) as Record<string, Fields[]>;
  const records: VersionRecord[] = [];
  for (const [kind, list] of Object.entries(byKind)) {
    for (const fields of list) records.push({ id: String(fields.id), kind, fields });
  }
  return { label, records };
}

async function isDirectory(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function git(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

const YAML_FILE = /\.ya?ml$/i;

/** Blob ids and contents from one `git cat-file --batch` run: "<oid> blob <size>\n<bytes>\n" each. */
function splitBatch(output: Buffer, count: number): Uint8Array[] {
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const headerEnd = output.indexOf(0x0a, offset);
    const size = Number(output.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
    blobs.push(new Uint8Array(output.subarray(headerEnd + 1, headerEnd + 1 + size)));
    offset = headerEnd + 1 + size + 1;
  }
  return blobs;
}

/** The YAML files of the data folder as committed at `ref`, paths relative to that folder. */
export async function gitDataFiles(cwd: string, ref: string, dataPath: string): Promise<RawFile[]> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) throw new UnknownVersionError(`${ref} is not a folder, and ${cwd} is not in a git repository`);
  const root = top.stdout.toString('utf8').trim();
  const commit = await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (commit.code !== 0) throw new UnknownVersionError(`${ref} is neither a folder nor a git ref`);
  const prefix = `${dataPath.replace(/^\.\/|\/+$/g, '')}/`;
  const listing = await git(root, ['ls-tree', '-r', '-z', commit.stdout.toString('utf8').trim(), '--', prefix]);
  const entries = listing.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', file = ''] = line.split('\t');
      return { oid: meta.split(' ')[2] ?? '', type: meta.split(' ')[1], file: file.slice(prefix.length) };
    })
    .filter((e) => e.type === 'blob' && YAML_FILE.test(e.file) && !e.file.split('/').some((s) => s.startsWith('.')))
    .sort(byText((f) => f.file));
  if (entries.length === 0) throw new UnknownVersionError(`${ref} has no YAML files under ${prefix}`);
  const batch = await git(root, ['cat-file', '--batch'], entries.map((e) => `${e.oid}\n`).join(''));
  const blobs = splitBatch(batch.stdout, entries.length);
  return entries.map((e, i) => ({ path: e.file, bytes: blobs[i] ?? new Uint8Array() }));
}

export async function loadVersion(source: VersionSource): Promise<Version> {
  const folder = path.resolve(source.cwd, source.spec);
  if (await isDirectory(folder)) {
    const records = await readFile(path.join(folder, RELEASE_RECORDS), 'utf8').catch(() => undefined);
    if (records !== undefined) return parseReleaseRecords(source.spec, records);
    return checked(source.spec, await validateDataDir({ dataDir: folder, schemaDir: source.schemaDir }));
  }
  const files = await gitDataFiles(source.cwd, source.spec, source.dataPath);
  return checked(source.spec, validateFiles(files, source.schemas));
}
