/** The site's pages are UTF-8 HTML. */
export const HTML_MEDIA_TYPE = 'text/html; charset=utf-8';
