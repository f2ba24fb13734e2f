import type { IncomingMessage } from 'node:http';
import { HttpProblem } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// What a browser sends for a request its own page (or the person, typing a URL) started.
const SAME_SITE_FETCH = new Set(['same-origin', 'none']);

/**
 * Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that a browser sent on behalf of
 * another site: `Sec-Fetch-Site` other than `same-origin`/`none`, or, from a browser too old to send
 * that, an `Origin` whose host differs from the request's `Host` (`Origin: null` included). Non-browser clients (SDKs, curl, the CLI) send neither
 * header and pass, as do the sandbox's own pages.
 */
export function refuseCrossSite(req: IncomingMessage, method: string): void {
  if (SAFE_METHODS.has(method)) return;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    // A browser that sends Sec-Fetch-Site says exactly who started the request; its Origin can be
    // "null" for the sandbox's own forms (privacy settings, referrer policies), so it is not consulted.
    if (SAME_SITE_FETCH.has(site.toLowerCase())) return;
    throw crossSite(method, `Sec-Fetch-Site: ${site}`);
  }
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origin === '') return;
  let originHost: string | undefined;
  try {
    originHost = origin === 'null' ? undefined : new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  if (originHost === undefined || originHost !== (req.headers.host ?? '').toLowerCase()) {
    throw crossSite(method, `Origin: ${origin.slice(0, 200)}`);
  }
}

function crossSite(method: string, evidence: string): HttpProblem {
  return new HttpProblem(
    403,
    `cross-site ${method} refused (${evidence}): requests that change the sandbox must come from its own ` +
      'pages or from a client that is not a web page (an SDK, curl, the terra CLI)',
  );
}
