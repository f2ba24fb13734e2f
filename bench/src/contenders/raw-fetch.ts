import { authHeaders, type Credentials } from './credentials.js';

/** The floor for any fetch-based client: `fetch` and `res.json()`, nothing else. */
export function rawFetchJson(credentials: Credentials): (pathAndQuery: string) => Promise<unknown> {
  const headers = authHeaders(credentials);
  return async (pathAndQuery) => {
    const res = await fetch(credentials.baseUrl + pathAndQuery, { headers });
    if (res.status !== 200) throw new Error(`raw fetch: ${res.status} for ${pathAndQuery}`);
    return res.json();
  };
}

/** `fetch`, `res.text()` and `JSON.parse`: on Node 20 faster than `res.json()` for big bodies. */
export function rawFetchText(credentials: Credentials): (pathAndQuery: string) => Promise<unknown> {
  const headers = authHeaders(credentials);
  return async (pathAndQuery) => {
    const res = await fetch(credentials.baseUrl + pathAndQuery, { headers });
    if (res.status !== 200) throw new Error(`raw fetch: ${res.status} for ${pathAndQuery}`);
    return JSON.parse(await res.text());
  };
}

/**
 * `fetch` + `res.json()` with what any client with a per-attempt timeout must add: an `AbortController`,
 * a timer and the signal handed to `fetch`. Shows what a timeout costs undici per call.
 */
export function rawFetchJsonWithTimeout(
  credentials: Credentials,
  timeoutMs: number,
): (pathAndQuery: string) => Promise<unknown> {
  const headers = authHeaders(credentials);
  return async (pathAndQuery) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(credentials.baseUrl + pathAndQuery, { headers, signal: controller.signal });
      if (res.status !== 200) throw new Error(`raw fetch: ${res.status} for ${pathAndQuery}`);
      return await res.json();
    } finally {
      clearTimeout(timer);
    }
  };
}
