import { createFetchTransport } from './fetch-transport.js';
import { loadNodeModules } from './node-modules.js';
import { createNodeTransport } from './node-transport.js';
import type { Transport } from './transport.js';

// One Node transport per process, so every client shares its keep-alive sockets.
let nodeTransport: Transport | null | undefined;

// Where undici (Node's fetch, and the npm package) keeps the dispatcher `setGlobalDispatcher` installs.
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** The transports of a client: one for JSON and empty bodies, one for uploads (`FormData`). */
export interface ClientTransports {
  readonly transport: Transport;
  readonly uploadTransport: Transport;
}

/**
 * Picks how a client talks HTTP. `fetchImpl` is the caller's `fetch` or the global one (looked up per call).
 * A `fetch` passed by the caller is always used, for everything. Without
 * one, every other runtime uses the global `fetch`; Node uses its `node:http` transport for JSON calls as
 * long as nothing has been set up on `fetch` (see {@link fetchIsUntouched}), and the global `fetch`
 * otherwise and for uploads (it encodes `FormData`).
 */
export function chooseTransports(
  fetchOption: typeof fetch | undefined,
  fetchImpl: typeof fetch,
): ClientTransports {
  const viaFetch = createFetchTransport(fetchImpl);
  if (fetchOption !== undefined) return { transport: viaFetch, uploadTransport: viaFetch };
  if (nodeTransport === undefined) {
    const modules = loadNodeModules();
    nodeTransport = modules ? createNodeTransport(modules) : null;
  }
  const node = nodeTransport;
  if (node === null) return { transport: viaFetch, uploadTransport: viaFetch };
  return {
    transport: (attempt) => (fetchIsUntouched() ? node(attempt) : viaFetch(attempt)),
    uploadTransport: viaFetch,
  };
}

// Node defines its global fetch as a small function that loads its bundled undici on first use; a stand-in
// (vi.fn, MSW, a wrapper) has other source. Should a Node version word it otherwise, terra-ts just keeps fetch.
const NODE_FETCH_SOURCE = /internal\/deps\/undici|fetchImpl/;

let checkedFetch: unknown;
let checkedFetchIsNodes = false;

/**
 * Whether the global `fetch` is still Node's own, with no undici dispatcher installed for it (a
 * `ProxyAgent`, `EnvHttpProxyAgent`, `MockAgent`, ...). When someone has replaced or configured `fetch`
 * (a test double, a proxy), calls go through it, as they would with any `fetch`-based client; a plain
 * undici `Agent` (Node's default) does not count. Checked on every call, so set-up done after the client
 * was built counts too; Node's own `fetch` is recognised by its source, once per function seen.
 */
export function fetchIsUntouched(scope: object = globalThis): boolean {
  const g = scope as { fetch?: unknown; [GLOBAL_DISPATCHER]?: { constructor?: { name?: unknown } } | null };
  const dispatcher = g[GLOBAL_DISPATCHER];
  if (dispatcher != null && dispatcher.constructor?.name !== 'Agent') return false;
  if (g.fetch !== checkedFetch) {
    checkedFetch = g.fetch;
    checkedFetchIsNodes =
      typeof g.fetch === 'function' && NODE_FETCH_SOURCE.test(Function.prototype.toString.call(g.fetch));
  }
  return checkedFetchIsNodes;
}
