/**
 * The media type of every file the release holds, by its name: the publishers label their files with
 * it (the catalogue and the data package state it) and `serve` answers with it, so the two agree.
 */
import path from 'node:path';

/** By extension; a file with none (SHA256SUMS) is plain text. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  '': 'text/plain',
  '.css': 'text/css',
  '.csv': 'text/csv',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.md': 'text/markdown',
  '.nq': 'application/n-quads',
  '.ttl': 'text/turtle',
  '.xml': 'application/xml',
  '.zip': 'application/zip',
};

/** Files whose name says more than their extension. */
const BY_NAME: Readonly<Record<string, string>> = {
  // CSVW's own media type for table descriptions.
  'csv-metadata.json': 'application/csvm+json',
};

/** The media type of a release file at `file` (a release path or a path on disk); undefined for a kind the release never holds. */
export function mediaTypeFor(file: string): string | undefined {
  const name = path.basename(file);
  return BY_NAME[name] ?? BY_EXTENSION[path.extname(name).toLowerCase()];
}

/** The media type of a file the release holds, or a fault: every publisher names files of known kinds. */
export function releaseMediaType(file: string): string {
  const type = mediaTypeFor(file);
  if (!type) throw new Error(`no media type is known for ${file}`);
  return type;
}

/** The site's pages. */
export const HTML_MEDIA_TYPE = releaseMediaType('index.html');
