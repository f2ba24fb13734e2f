/** Where one attempt goes, in the pieces `http.request` takes. */
export interface RequestTarget {
  readonly protocol: string;
  /** Without the brackets of an IPv6 literal, as node:http takes it. */
  readonly hostname: string;
  readonly port: string;
  /** Path and query, already escaped. */
  readonly path: string;
}

// A path the URL parser would hand back unchanged: escaped already, no dot segments, no fragment, no
// backslash. What the request loop builds from a base URL and `buildQuery` always is.
const PLAIN_PATH = /^\/[\w\-~%!$&()*+,;=:@/?]*$/;
const DOT_SEGMENT = /\/\.|\/%2e/i;
// Base URLs come from the client's options, a handful per client; more than this is not a cache's job.
const MAX_ORIGINS = 16;

/**
 * Splits request URLs into {@link RequestTarget}s, parsing each origin (scheme, host, port) once: a URL
 * parse per call is a measurable share of a small call's CPU. A URL whose path is not plain goes through
 * the URL parser whole, as before.
 */
export function requestTargets(): (url: string) => RequestTarget {
  const origins = new Map<string, Omit<RequestTarget, 'path'> | null>();
  return (url) => {
    const authority = url.indexOf('//') + 2;
    const slash = url.indexOf('/', authority);
    const path = slash === -1 ? '' : url.slice(slash);
    if (authority === 1 || slash === -1 || !PLAIN_PATH.test(path) || DOT_SEGMENT.test(path)) {
      return targetOf(new URL(url));
    }
    const origin = url.slice(0, slash);
    let known = origins.get(origin);
    if (known === undefined) {
      known = originOf(new URL(origin));
      if (origins.size < MAX_ORIGINS) origins.set(origin, known);
    }
    if (known === null) return targetOf(new URL(url));
    return { protocol: known.protocol, hostname: known.hostname, port: known.port, path };
  };
}

/** The origin's pieces, or null when what precedes the path is more than an origin (a `?`, `#` or `@` in it). */
function originOf(url: URL): Omit<RequestTarget, 'path'> | null {
  if (
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  )
    return null;
  return targetOf(url);
}

function targetOf(url: URL): RequestTarget {
  const { hostname } = url;
  return {
    protocol: url.protocol,
    hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
    port: url.port,
    path: url.pathname + url.search,
  };
}
