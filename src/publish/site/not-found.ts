/** The page a static host shows for a path it does not have (`404.html`): where to go instead. */
import type { SiteContext } from '../../compile/site/context.js';
import { type Html, html } from './html.js';
import { BROWSE_FRAGMENT } from './layout.js';

/** Its links are absolute (under the base IRI): the page is served at whatever path was asked for. */
export function notFoundBody(site: SiteContext): Html {
  return html`<h1>Page not found</h1>
<p class="lead">There is no page at this address. Record addresses never change, so the link may be mistyped.</p>
<ul>
<li><a href="${site.baseIri}">Home page of the ${site.siteName}</a></li>
<li><a href="${site.baseIri}#${BROWSE_FRAGMENT}">Browse the records by kind</a></li>
<li><a href="${site.baseIri}search.html">Search the records</a></li>
</ul>
`;
}
