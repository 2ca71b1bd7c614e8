import type { Describer } from './types.js';
import { releaseMediaType } from './media-types.js';

export const CHECKSUMS_PATH = 'SHA256SUMS';

/** `SHA256SUMS`: the SHA-256 of every other file of the release, sorted by path, in the format `sha256sum -c` reads. */
export const sha256Sums: Describer = {
  name: 'sha256sums',
  makes: [CHECKSUMS_PATH],
  describes: (path) => path !== CHECKSUMS_PATH,
  describe: (_release, described) => [
    {
      path: CHECKSUMS_PATH,
      content: described.map((d) => `${d.sha256}  ${d.path}\n`).join(''),
      mediaType: releaseMediaType(CHECKSUMS_PATH),
    },
  ],
};
