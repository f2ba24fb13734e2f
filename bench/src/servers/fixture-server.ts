import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fixture } from './fixtures.js';

/** A running fixture server. */
export interface FixtureServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves each fixture's bytes at `/fixtures/<name>/v2/<any path>`, whatever the query. The bodies
 * were produced by terra-sandbox once; replaying them keeps generation (the sandbox's work, up to a
 * second for 50 MB) out of a measurement of the client's fetch and parse.
 */
export async function startFixtureServer(fixtures: ReadonlyMap<string, Fixture>): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    const name = /^\/fixtures\/([^/]+)\/v2\//.exec(req.url ?? '')?.[1];
    const fixture = name === undefined ? undefined : fixtures.get(name);
    if (!fixture) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"no such fixture"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': fixture.body.length });
    res.end(fixture.body);
  });
  // Longer than any pause between two turns of one contender, even on a loaded machine: a client without an idle
  // timeout of its own (the node:http reference) would otherwise send on a socket the server is closing.
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
