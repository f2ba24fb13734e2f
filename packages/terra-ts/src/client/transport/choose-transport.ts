import { createFetchTransport } from './fetch-transport.js';
import { loadNodeModules } from './node-modules.js';
import { createNodeTransport } from './node-transport.js';
import type { Transport } from './transport.js';

// One Node transport per process, so every client shares its keep-alive sockets.
let nodeTransport: Transport | null | undefined;

/** The transports of a client: one for JSON and empty bodies, one for uploads (`FormData`). */
export interface ClientTransports {
  readonly transport: Transport;
  readonly uploadTransport: Transport;
}

/**
 * Picks how a client talks HTTP. A `fetch` passed by the caller is always used, for everything. Without
 * one, Node gets the `node:http` transport for JSON calls (uploads keep `fetch`, which encodes
 * `FormData`), and every other runtime the global `fetch`.
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
  return { transport: nodeTransport ?? viaFetch, uploadTransport: viaFetch };
}
