import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';

/** A page that says what went wrong and what to do about it. */
export interface ErrorPageOptions {
  title: string;
  message: string;
  /** The next step for the developer or user, e.g. how to get a fresh session. */
  action: string;
}

/** Renders an error page (the caller picks the status code: 404, 410, 400...). */
export function renderErrorPage(options: ErrorPageOptions): SafeHtml {
  return renderLayout({
    lang: 'en',
    title: options.title,
    bodyClass: 'widget',
    main: html`<main class="card error" aria-labelledby="page-heading">
<h1 id="page-heading">${options.title}</h1>
<p class="error-message">${options.message}</p>
<p>${options.action}</p>
</main>`,
  });
}
