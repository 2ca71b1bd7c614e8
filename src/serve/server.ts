/**
 * The local server of the built site (`partnership serve`): files of `dist/site/`
 * at `/`, the download files of `dist/` for the paths the site does not have (so
 * the landing page's `../` links work), and content negotiation on entity IRI paths:
 * `/<id>` answers the HTML page (a 303 to `/<id>/`), the JSON-LD or the Turtle by
 * the `Accept` header; 406 when none is acceptable, 404 for unknown paths. Requests
 * can never read outside the release folder.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { NOT_FOUND_PATH, SITE_DIR } from '../publish/site/paths.js';
import { negotiate } from './negotiate.js';

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.ttl': 'text/turtle; charset=utf-8',
  '.nq': 'application/n-quads',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.zip': 'application/zip',
};

function mediaTypeOf(file: string): string {
  const extension = path.extname(file).toLowerCase();
  if (extension === '') return 'text/plain; charset=utf-8'; // SHA256SUMS
  return MEDIA_TYPES[extension] ?? 'application/octet-stream';
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

function sendFile(request: IncomingMessage, response: ServerResponse, file: string, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'Content-Type': mediaTypeOf(file), 'X-Content-Type-Options': 'nosniff', ...headers });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

export function siteRequestHandler(distDir: string) {
  const siteDir = path.join(distDir, SITE_DIR);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    let segments: string[];
    try {
      segments = pathSegments(request.url ?? '');
    } catch (error) {
      sendText(response, 400, `Bad request: ${error instanceof BadPathError ? error.message : 'unreadable path'}`);
      return;
    }
    const relative = segments.join('/');
    const endsWithSlash = (request.url ?? '').split(/[?#]/)[0]?.endsWith('/') ?? false;
    const inSite = path.join(siteDir, ...segments);
    if (!endsWithSlash && relative !== '') {
      // An entity IRI path: negotiate among the representations that exist.
      const offered = [];
      for (const representation of REPRESENTATIONS) {
        const file = path.join(siteDir, representation.file(relative));
        if (await isFileInside(siteDir, file)) offered.push({ ...representation, path: file });
      }
      if (offered.some((o) => o.mediaType === 'text/html')) {
        const chosen = negotiate(request.headers.accept, offered.map((o) => o.mediaType));
        const vary = { Vary: 'Accept' };
        if (!chosen) {
          sendText(response, 406, `Not acceptable; available: ${offered.map((o) => o.mediaType).join(', ')}`, vary);
        } else if (chosen === 'text/html') {
          response.writeHead(303, { Location: `/${segments.map(encodeURIComponent).join('/')}/`, ...vary });
          response.end();
        } else {
          sendFile(request, response, offered.find((o) => o.mediaType === chosen)?.path ?? '', vary);
        }
        return;
      }
    }
    if (await isFileInside(siteDir, inSite)) return sendFile(request, response, inSite);
    const index = path.join(inSite, 'index.html');
    if (await isDirectoryInside(siteDir, inSite)) {
      if (await isFileInside(siteDir, index)) {
        if (endsWithSlash || relative === '') return sendFile(request, response, index);
        response.writeHead(301, { Location: `/${segments.map(encodeURIComponent).join('/')}/` });
        response.end();
        return;
      }
    }
    // The download files live beside the site in the release (dist/records.json, dist/csv/...).
    const inDist = path.join(distDir, ...segments);
    if (!inDist.startsWith(path.join(distDir, SITE_DIR) + path.sep) && (await isFileInside(distDir, inDist))) {
      return sendFile(request, response, inDist);
    }
    // A browser gets the site's own 404 page, as a static host would serve it.
    const notFoundPage = path.join(siteDir, NOT_FOUND_PAGE);
    if (negotiate(request.headers.accept, ['text/plain', 'text/html']) === 'text/html' && (await isFileInside(siteDir, notFoundPage))) {
      response.writeHead(404, { 'Content-Type': MEDIA_TYPES['.html'] ?? 'text/html', 'X-Content-Type-Options': 'nosniff' });
      if (request.method === 'HEAD') response.end();
      else createReadStream(notFoundPage).pipe(response);
      return;
    }
    sendText(response, 404, 'Not found');
  };
}

/** Loopback only: the preview of a release is nobody else's business. */
export const SERVE_HOST = '127.0.0.1';

/** A server of the release in `distDir`; `startSiteServer` listens with it on loopback. */
export function createSiteServer(distDir: string): Server {
  const handle = siteRequestHandler(path.resolve(distDir));
  return createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.destroy();
    });
  });
}

/** Serve the release on loopback; resolves once listening, with the server and its URL. */
export async function startSiteServer(distDir: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createSiteServer(distDir);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, SERVE_HOST, resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${SERVE_HOST}:${actual}/` };
}
