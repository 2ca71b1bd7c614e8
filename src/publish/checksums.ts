import type { Publisher } from './types.js';

export const CHECKSUMS_PATH = 'SHA256SUMS';

/**
 * `SHA256SUMS`: the SHA-256 of every other file of the release, sorted by path,
 * in the format `sha256sum -c` reads. The last publisher, so it sees every file.
 */
export const sha256Sums: Publisher = {
  name: 'sha256sums',
  async publish(_context, output) {
    const lines = (await output.digests()).map((d) => `${d.sha256}  ${d.path}\n`);
    return [{ path: CHECKSUMS_PATH, content: lines.join(''), mediaType: 'text/plain' }];
  },
};
