/**
 * jsonld.js, offline and strict: a document loader that serves only the contexts
 * it is given (by URL) and refuses every other URL, and `safe` mode, in which a
 * term or value that would be dropped on expansion is an error, not silent data loss.
 */
import jsonld from 'jsonld';

export type LocalContexts = ReadonlyMap<string, unknown>;

export class RemoteDocumentRefused extends Error {}

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

export function localDocumentLoader(contexts: LocalContexts = new Map()): (url: string) => Promise<RemoteDocument> {
  return async (url) => {
    if (!contexts.has(url)) throw new RemoteDocumentRefused(`refusing to load ${url}: the build and its checks never touch the network`);
    return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
  };
}

/** The jsonld.js options every call of the project uses. */
export function offlineOptions(contexts?: LocalContexts): Record<string, unknown> {
  return { safe: true, documentLoader: localDocumentLoader(contexts) };
}

/** Expand in safe mode with the offline loader; throws if anything would be dropped or fetched. */
export async function expandSafely(document: unknown, contexts?: LocalContexts): Promise<unknown[]> {
  return (await jsonld.expand(document as never, offlineOptions(contexts) as never)) as unknown as unknown[];
}

/** The document's triples as N-Quads, by jsonld.js (safe, offline): the proof our own serialisation is checked against. */
export async function jsonldToNQuads(document: unknown, contexts?: LocalContexts): Promise<string> {
  const options = { ...offlineOptions(contexts), format: 'application/n-quads' };
  return (await jsonld.toRDF(document as never, options as never)) as unknown as string;
}
