import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';

/** Where Terra's own API reference lives. */
export const TERRA_DOCS_URL = 'https://docs.tryterra.co/reference';

/** The landing page at `/`: what this server is and where to go from here. */
export function renderLanding(origin: string): SafeHtml {
  return renderLayout({
    lang: 'en',
    title: 'Terra sandbox',
    bodyClass: 'widget',
    main: html`<main class="card landing" aria-labelledby="page-heading">
<h1 id="page-heading">Terra sandbox</h1>
<p>A local Terra API with deterministic wearable data, signed webhooks, a connect widget and a dashboard.</p>
<ul class="links">
<li><a href="/dashboard" data-link="dashboard">Dashboard</a>: connections, charts of their data, webhook deliveries.</li>
<li>API base URL: <code data-link="api">${origin}/v2</code> (also <code>${origin}/api/v2</code>); try <a href="/v2/integrations">/v2/integrations</a>, which needs no credentials.</li>
<li>Control API: <code>${origin}/sandbox/api</code>, with the same <code>x-api-key</code> and <code>dev-id</code>.</li>
<li><a href="/docs" data-link="docs">Sandbox docs</a> (options, fault modes, control API) and <a href="${TERRA_DOCS_URL}" rel="noreferrer">Terra's API reference</a>.</li>
</ul>
</main>`,
  });
}

/** The sandbox README as a page, at `/docs`. */
export function renderDocs(readme: string): SafeHtml {
  return renderLayout({
    lang: 'en',
    title: 'Terra sandbox docs',
    bodyClass: 'dashboard',
    main: html`<header class="topbar"><h1><a href="/">Terra sandbox</a></h1><p>README</p></header>
<main><section class="panel"><pre class="readme">${readme}</pre></section></main>`,
  });
}

/** The HTML 404 a browser gets for a path that does not exist. */
export function renderNotFound(method: string, path: string): SafeHtml {
  return renderLayout({
    lang: 'en',
    title: 'Not found',
    bodyClass: 'widget',
    main: html`<main class="card error" aria-labelledby="page-heading">
<h1 id="page-heading">Not found</h1>
<p class="error-message">There is no page at <code>${method} ${path}</code>.</p>
<p>Terra's API lives under <code>/v2</code> and <code>/api/v2</code>. Go to the <a href="/">sandbox home</a> or the <a href="/dashboard">dashboard</a>.</p>
</main>`,
  });
}
