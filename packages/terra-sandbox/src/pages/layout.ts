import { html, type SafeHtml } from './html.js';

/** What every page shares: language, title, main content and any scripts it loads from /assets/. */
export interface LayoutOptions {
  lang: string;
  title: string;
  main: SafeHtml;
  /** Extra class on `<body>` to pick a page style (`widget`, `dashboard`). */
  bodyClass: string;
  stylesheets?: readonly string[];
  scripts?: readonly string[];
}

/** Wraps a page's content in the document shell. */
export function renderLayout(options: LayoutOptions): SafeHtml {
  const stylesheets = options.stylesheets ?? [];
  const scripts = options.scripts ?? [];
  return html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${options.title}</title>
<link rel="stylesheet" href="/assets/sandbox.css">
${stylesheets.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${scripts.map((src) => html`<script src="${src}" defer></script>\n`)}</head>
<body class="${options.bodyClass}">
${options.main}
</body>
</html>
`;
}
