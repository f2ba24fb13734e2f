import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Handler, startTestServer, type TestServer } from './test-server.js';

/**
 * Registers the hooks of a test file that talks to one test server: started before the file's tests,
 * its recorded requests cleared before each test, closed after the file. The returned handle reads through
 * to the running server, so it is only usable inside tests and hooks.
 */
export function useTestServer(handler?: Handler): TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(handler);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    running().requests.length = 0;
  });

  function running(): TestServer {
    if (!server) throw new Error('the test server is only available inside tests and hooks');
    return server;
  }
  return {
    get url() {
      return running().url;
    },
    get baseUrl() {
      return running().baseUrl;
    },
    get requests() {
      return running().requests;
    },
    get inFlight() {
      return running().inFlight;
    },
    setHandler(next) {
      running().setHandler(next);
    },
    close() {
      return running().close();
    },
  };
}
