/** The site's pages are UTF-8 HTML. */
import { releaseMediaType } from '../media-types.js';
export const HTML_MEDIA_TYPE = releaseMediaType('index.html');
