/**
 * The local server of the built site (`partnership serve`): files of `dist/site/`
 * at `/`, the download files of `dist/` for the paths the site does not have (so
 * the landing page's `../` links work), and content negotiation on entity IRI paths:
 * `/<id>` answers the HTML page (a 303 to `/<id>/`), the JSON-LD or the Turtle by
 * the `Accept` header; 406 when none is acceptable, 404 for unknown paths. Requests
 * can never read outside the release folder. `/sparql` is a read-only SPARQL endpoint
 * over the release's graph (./sparql.ts).
 */
import { type FileHandle, open, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { NOT_FOUND_PATH, SITE_DIR } from '../publish/site/paths.js';
import { mediaTypeFor } from '../publish/media-types.js';
import { negotiate } from './negotiate.js';
import { SPARQL_PATH, type SparqlEndpoint, sparqlEndpoint } from './sparql.js';

/** The release's own media type of a file, with the charset every text of it has. */
function mediaTypeOf(file: string): string {
  const type = mediaTypeFor(file) ?? 'application/octet-stream';
  return type.startsWith('text/') && !type.includes('charset') ? `${type}; charset=utf-8` : type;
}

/** The representations of an entity, in the order offered when the client has no preference. */
const REPRESENTATIONS = [
  { mediaType: 'text/html', file: (id: string) => path.join(id, 'index.html') },
  { mediaType: 'application/ld+json', file: (id: string) => `${id}.jsonld` },
  { mediaType: 'text/turtle', file: (id: string) => `${id}.ttl` },
  // JSON-LD is JSON: a client that asks for plain JSON gets the same document.
  { mediaType: 'application/json', file: (id: string) => `${id}.jsonld` },
] as const;

/** The 404 page, relative to the site folder. */
const NOT_FOUND_PAGE = NOT_FOUND_PATH.slice(SITE_DIR.length + 1);

export class BadPathError extends Error {}

/**
 * The URL path as segments, refusing anything that could climb out: `.` and `..`
 * segments (also percent-encoded), encoded slashes or backslashes, NUL, and
 * request targets that are not a path (absolute-form URLs).
 */
export function pathSegments(target: string): string[] {
  if (!target.startsWith('/')) throw new BadPathError('not a path');
  const [pathname = ''] = target.split(/[?#]/);
  return pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((raw) => {
      let segment: string;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        throw new BadPathError('bad percent-encoding');
      }
      if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) throw new BadPathError('not a plain path segment');
      return segment;
    });
}

async function isFileInside(root: string, file: string): Promise<boolean> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
    return real.startsWith(realRoot + path.sep) && (await stat(real)).isFile();
  } catch {
    return false;
  }
}

async function isDirectoryInside(root: string, dir: string): Promise<boolean> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(dir)]);
    return (real === realRoot || real.startsWith(realRoot + path.sep)) && (await stat(real)).isDirectory();
  } catch {
    return false;
  }
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  response.end(`${text}\n`);
}

/** A strict policy for the pages: they load their stylesheet and images from the site and run nothing. */
/**
 * HTML pages run only the site's own scripts (search, list sorting), fetch only its own files (the
 * search index), submit only to themselves (the search form); styles may be inline (chart bars are
 * sized by a style attribute, and the 404 page carries its stylesheet, as static hosts serve it anywhere).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The path of a request line's target: origin-form (`/a/b?q`) as it is, and
 * absolute-form (`http://host/a/b`, which RFC 9112 §3.2.2 says a server must
 * accept) reduced to its path and query; undefined for anything else.
 */
export function originForm(target: string): string | undefined {
  if (target.startsWith('/')) return target;
  // The path is taken as sent (not through URL, which would resolve `..` before the checks see it).
  const absolute = /^https?:\/\/[^/?#]*(.*)$/is.exec(target);
  if (!absolute) return undefined;
  const rest = absolute[1] ?? '';
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** A strong validator from the file's identity, size and time: a new build (a new version folder) gives new ones. */
function entityTag(stats: { ino: number; size: number; mtimeMs: number }): string {
  return `"${stats.ino.toString(16)}-${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
}

/** `If-None-Match` (weak comparison, RFC 9110 §13.1.2) or, without it, `If-Modified-Since` to the second. */
function notModified(request: IncomingMessage, tag: string, mtimeMs: number): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) {
    const opaque = (t: string) => t.trim().replace(/^W\//, '');
    return match.trim() === '*' || match.split(',').some((t) => opaque(t) === opaque(tag));
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

/**
 * The byte range asked for, when one applies: a single `bytes=` range (several, or
 * a stale `If-Range`, get the whole file, as RFC 9110 §14.2 allows); `'unsatisfiable'`
 * when it lies outside the file.
 */
function byteRange(
  request: IncomingMessage,
  size: number,
  tag: string,
  lastModified: string,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const header = request.headers.range;
  if (header === undefined || request.method !== 'GET') return undefined;
  const ifRange = request.headers['if-range'];
  if (ifRange !== undefined && ifRange !== tag && ifRange !== lastModified) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) return undefined;
  return start >= size ? 'unsatisfiable' : { start, end };
}

/** A file could not be served: it vanished (404) or could not be read (500). Never thrown out of the server. */
class UnservableFile extends Error {
  constructor(readonly missing: boolean) {
    super(missing ? 'vanished' : 'unreadable');
  }
}

/**
 * Send a file: opened first (so a file that vanished or cannot be read is an
 * answer, not a crash), then validators, conditional requests, ranges, and the
 * body streamed from the open file. A read that fails half-way ends the
 * response; nothing escapes as an unhandled error.
 */
async function sendFile(
  openFile: OpenFile,
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  headers: Record<string, string> = {},
  status = 200,
): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await openFile(file);
  } catch (error) {
    throw new UnservableFile((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR');
  }
  let streaming = false;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UnservableFile(true);
    const mediaType = mediaTypeOf(file);
    const tag = entityTag(stats);
    const lastModified = stats.mtime.toUTCString();
    const common: Record<string, string> = {
      ETag: tag,
      'Last-Modified': lastModified,
      // A preview of a release that a rebuild replaces: caches may keep it but must ask again.
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(mediaType.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
      ...headers,
    };
    // An error page (404) is sent whole: no validators to match, no ranges.
    if (status === 200 && notModified(request, tag, stats.mtimeMs)) {
      response.writeHead(304, common);
      response.end();
      return;
    }
    const range = status === 200 ? byteRange(request, stats.size, tag, lastModified) : undefined;
    if (range === 'unsatisfiable') {
      response.writeHead(416, { ...common, 'Content-Range': `bytes */${stats.size}`, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Range not satisfiable\n');
      return;
    }
    const { start, end } = range ?? { start: 0, end: stats.size - 1 };
    response.writeHead(range ? 206 : status, {
      ...common,
      'Content-Type': mediaType,
      'Content-Length': String(Math.max(0, end - start + 1)),
      'Accept-Ranges': 'bytes',
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${stats.size}` } : {}),
    });
    if (request.method === 'HEAD' || stats.size === 0) {
      response.end();
      return;
    }
    const stream = handle.createReadStream({ start, end, autoClose: true });
    streaming = true;
    stream.on('error', () => response.destroy());
    response.on('close', () => stream.destroy());
    stream.pipe(response);
  } finally {
    if (!streaming) await handle.close().catch(() => undefined);
  }
}

/** Opens a file of the release for reading. */
export type OpenFile = (file: string) => Promise<FileHandle>;

export interface ServeOptions {
  /** Time limit of one SPARQL query, in milliseconds. */
  sparqlTimeLimitMs?: number;
  /** How files are opened (default: the file system's open); the fault tests make it fail. */
  openFile?: OpenFile;
}

/**
 * The request handler. Each request resolves the release folder once (it may be a
 * link a rebuild replaces) and answers from that version throughout; a file that
 * vanishes under it (the old version removed) gets one more try on the new one.
 * `/sparql` goes to the SPARQL endpoint.
 */
export function siteRequestHandler(linkedDistDir: string, options: ServeOptions = {}, endpoint?: SparqlEndpoint) {
  // The graph is loaded on the first query, not before: serving pages needs no store.
  const sparql = endpoint ?? sparqlEndpoint(path.join(linkedDistDir, 'partnership.nq'), options.sparqlTimeLimitMs);
  const openFile = options.openFile ?? ((file: string) => open(file, 'r'));
  const send = (request: IncomingMessage, response: ServerResponse, file: string, headers?: Record<string, string>, status?: number) =>
    sendFile(openFile, request, response, file, headers, status);
  const answer = async (request: IncomingMessage, response: ServerResponse, distDir: string): Promise<void> => {
    const siteDir = path.join(distDir, SITE_DIR);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    let segments: string[];
    const target = originForm(request.url ?? '');
    try {
      segments = pathSegments(target ?? '');
    } catch (error) {
      sendText(response, 400, `Bad request: ${error instanceof BadPathError ? error.message : 'unreadable path'}`);
      return;
    }
    const relative = segments.join('/');
    const endsWithSlash = (target ?? '').split(/[?#]/)[0]?.endsWith('/') ?? false;
    const inSite = path.join(siteDir, ...segments);
    if (!endsWithSlash && relative !== '') {
      // An entity IRI path: negotiate among the representations that exist.
      const offered = [];
      for (const representation of REPRESENTATIONS) {
        const file = path.join(siteDir, representation.file(relative));
        if (await isFileInside(siteDir, file)) offered.push({ ...representation, path: file });
      }
      if (offered.some((o) => o.mediaType === 'text/html')) {
        const chosen = negotiate(
          request.headers.accept,
          offered.map((o) => o.mediaType),
        );
        const vary = { Vary: 'Accept' };
        if (!chosen) {
          sendText(response, 406, `Not acceptable; available: ${offered.map((o) => o.mediaType).join(', ')}`, vary);
        } else if (chosen === 'text/html') {
          response.writeHead(303, { Location: `/${segments.map(encodeURIComponent).join('/')}/`, ...vary });
          response.end();
        } else {
          await send(request, response, offered.find((o) => o.mediaType === chosen)?.path ?? '', vary);
        }
        return;
      }
    }
    if (await isFileInside(siteDir, inSite)) return send(request, response, inSite);
    const index = path.join(inSite, 'index.html');
    if (await isDirectoryInside(siteDir, inSite)) {
      if (await isFileInside(siteDir, index)) {
        if (endsWithSlash || relative === '') return send(request, response, index);
        response.writeHead(301, { Location: `/${segments.map(encodeURIComponent).join('/')}/` });
        response.end();
        return;
      }
    }
    // The download files live beside the site in the release (dist/records.json, dist/csv/...).
    const inDist = path.join(distDir, ...segments);
    if (!inDist.startsWith(path.join(distDir, SITE_DIR) + path.sep) && (await isFileInside(distDir, inDist))) {
      return send(request, response, inDist);
    }
    // Not in this version: the caller answers 404, or asks the new version if a rebuild replaced this one meanwhile.
    throw new UnservableFile(true);
  };
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if ((originForm(request.url ?? '') ?? '').split(/[?#]/)[0] === `/${SPARQL_PATH}`) {
      await sparql.handle(request, response);
      return;
    }
    for (let attempt = 0; ; attempt++) {
      const distDir = await realpath(linkedDistDir).catch(() => linkedDistDir);
      try {
        return await answer(request, response, distDir);
      } catch (error) {
        if (!(error instanceof UnservableFile) || response.headersSent) throw error;
        const moved = error.missing && attempt < 3 && (await realpath(linkedDistDir).catch(() => linkedDistDir)) !== distDir;
        if (moved) continue;
        if (error.missing) return notFound(openFile, request, response, distDir);
        return sendText(response, 500, 'The file could not be read');
      }
    }
  };
}

/** A browser gets the site's own 404 page, as a static host would serve it; other clients a line of text. */
async function notFound(openFile: OpenFile, request: IncomingMessage, response: ServerResponse, distDir: string): Promise<void> {
  const siteDir = path.join(distDir, SITE_DIR);
  const page = path.join(siteDir, NOT_FOUND_PAGE);
  if (negotiate(request.headers.accept, ['text/plain', 'text/html']) === 'text/html' && (await isFileInside(siteDir, page))) {
    try {
      return await sendFile(openFile, request, response, page, {}, 404);
    } catch {
      // The page vanished or cannot be read: the plain answer will do.
    }
  }
  sendText(response, 404, 'Not found');
}

/** Loopback only: the preview of a release is nobody else's business. */
export const SERVE_HOST = '127.0.0.1';

/** A server of the release in `distDir`; `startSiteServer` listens with it on loopback. */
export function createSiteServer(distDir: string, options: ServeOptions = {}): Server {
  const endpoint = sparqlEndpoint(path.join(path.resolve(distDir), 'partnership.nq'), options.sparqlTimeLimitMs);
  const handle = siteRequestHandler(path.resolve(distDir), options, endpoint);
  const server = createServer((request, response) => {
    // Whatever goes wrong in one request stays in that request: the server keeps serving.
    handle(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.destroy();
    });
  });
  server.on('close', () => endpoint.close());
  return server;
}

/** Serve the release on loopback; resolves once listening, with the server and its URL. */
export async function startSiteServer(distDir: string, port: number, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const server = createSiteServer(distDir, options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, SERVE_HOST, resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${SERVE_HOST}:${actual}/` };
}
