import type { SafeHtml } from './html.js';

/** What a page handler answers; the route layer writes it to the socket unchanged. */
export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

// Pages load only our own scripts and styles. form-action must allow http(s) because Chrome applies it to the
// redirect that follows the consent form, and that redirect goes to the developer's own success/failure URL.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self' http: https:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Headers every HTML page is sent with: a strict CSP, nosniff, no referrer, no caching. */
export const PAGE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // The widget URL holds the session id; the developer's redirect target has no need to see it.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** An HTML page. */
export function htmlResponse(status: number, page: SafeHtml): PageResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...PAGE_HEADERS },
    body: page.value,
  };
}

/** A 303 See Other, so the browser follows a form POST with a GET. */
export function redirectResponse(location: string): PageResponse {
  return { status: 303, headers: { location, ...PAGE_HEADERS }, body: '' };
}

/** A JSON answer for the dashboard's own scripts. */
export function jsonResponse(status: number, value: unknown): PageResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(value),
  };
}

/** A static asset (script, stylesheet), cacheable for a while since it only changes with the package. */
export function assetResponse(contentType: string, body: string | Uint8Array): PageResponse {
  return {
    status: 200,
    headers: {
      'content-type': contentType,
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    },
    body,
  };
}
