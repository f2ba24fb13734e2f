import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { LabReports, Terra, TerraApiError, TerraConnectionError, type TerraOptions } from 'terra-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchIsUntouched } from '../../src/client/transport/choose-transport.js';
import { loadNodeModules } from '../../src/client/transport/node-modules.js';
import { createNodeTransport } from '../../src/client/transport/node-transport.js';
import { terraFor } from '../support/terra-for.js';
import { type Handler, type RecordedRequest, TEST_API_KEY, TEST_DEV_ID } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

const server = useTestServer();
const PROVIDERS = { status: 'success', providers: ['GARMIN', 'OURA'], sdk_providers: ['APPLE'] };
const REPO = resolve(import.meta.dirname, '../../../..');
const SRC_ENTRY = join(REPO, 'packages/terra-ts/src/index.ts');

const TRANSPORTS: { transport: string; options: TerraOptions }[] = [
  { transport: 'node:http, the default on Node', options: {} },
  { transport: 'fetch, when one is passed', options: { fetch: globalThis.fetch } },
];

async function listen(server: ReturnType<typeof createHttpServer>): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: { close(cb: () => void): void; closeAllConnections?: () => void }) {
  server.closeAllConnections?.();
  await new Promise<void>((done) => server.close(done));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('which transport a client uses', () => {
  const LAB_REPORT_OR_PROVIDERS: Handler = (req) =>
    req.path === '/v2/lab-reports'
      ? { status: 202, body: { upload_id: 'up-1', status: 'processing' } }
      : { body: PROVIDERS };
  // undici's fetch sends `sec-fetch-mode: cors` on every request; node:http sends no such header.
  const viaFetch = (req: RecordedRequest) => req.headers['sec-fetch-mode'] === 'cors';

  it('on Node, with the global fetch untouched, API calls go over node:http; uploads (FormData) over fetch', async () => {
    server.setHandler(LAB_REPORT_OR_PROVIDERS);
    const terra = terraFor(server);
    await terra.listProviders();
    await new LabReports(terra).upload({
      file: new Uint8Array([37, 80, 68, 70]),
      contentType: 'application/pdf',
    });
    const [call, upload] = server.requests;
    expect(call && viaFetch(call)).toBe(false);
    expect(call?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(upload && viaFetch(upload)).toBe(true);
  });

  it('a fetch passed in carries every call, uploads included', async () => {
    server.setHandler(LAB_REPORT_OR_PROVIDERS);
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      seen.push(`${init?.method} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    };
    const terra = terraFor(server, { fetch: counting });
    await terra.listProviders();
    await new LabReports(terra).upload({
      file: new Uint8Array([37, 80, 68, 70]),
      contentType: 'application/pdf',
    });
    expect(seen).toEqual(['GET /v2/integrations', 'POST /v2/lab-reports']);
  });

  it('a global fetch replaced after the client was built (a test double, MSW) carries the calls', async () => {
    server.setHandler(LAB_REPORT_OR_PROVIDERS);
    const terra = terraFor(server);
    await terra.listProviders();
    const realFetch = globalThis.fetch;
    const seen: string[] = [];
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      seen.push(`${init?.method} ${new URL(String(input)).pathname}`);
      return realFetch(input, init);
    });
    await terra.listProviders();
    expect(seen).toEqual(['GET /v2/integrations']);
    vi.unstubAllGlobals();
    await terra.listProviders();
    expect(seen).toHaveLength(1);
    expect(server.requests.map(viaFetch)).toEqual([false, true, false]);
  });

  it('reads "untouched" as: Node\'s own fetch, and no undici dispatcher other than a plain Agent installed', () => {
    const dispatcher = Symbol.for('undici.globalDispatcher.1');
    const named = (name: string) => new (({ [name]: class {} })[name] as new () => object)();
    const nodeFetch = globalThis.fetch;
    expect(fetchIsUntouched({ fetch: nodeFetch })).toBe(true);
    expect(fetchIsUntouched({ fetch: nodeFetch, [dispatcher]: named('Agent') })).toBe(true);
    for (const name of ['ProxyAgent', 'EnvHttpProxyAgent', 'MockAgent', 'RetryAgent']) {
      expect(fetchIsUntouched({ fetch: nodeFetch, [dispatcher]: named(name) })).toBe(false);
    }
    expect(fetchIsUntouched({ fetch: (input: string) => nodeFetch(input) })).toBe(false);
    expect(fetchIsUntouched({ fetch: vi.fn() })).toBe(false);
    expect(fetchIsUntouched({})).toBe(false);
  });
});

describe.each(TRANSPORTS)('over $transport', ({ options }) => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decodes a %s body', async (encoding, compress) => {
    const plain = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      res.end(compress(Buffer.from(JSON.stringify(PROVIDERS))));
    });
    const url = await listen(plain);
    try {
      const terra = new Terra({ ...options, apiKey: 'k', devId: 'd', baseUrl: `${url}/v2` });
      const res = await terra.listProviders();
      expect(res.getParsedResponse().providers).toEqual(['GARMIN', 'OURA']);
      expect(res.rawBody).toBe(JSON.stringify(PROVIDERS));
    } finally {
      await close(plain);
    }
  });

  it('drops a UTF-8 byte order mark, as res.text() does', async () => {
    server.setHandler(() => ({
      body: `\uFEFF${JSON.stringify(PROVIDERS)}`,
      headers: { 'content-type': 'application/json' },
    }));
    const res = await terraFor(server, options).listProviders();
    expect(res.rawBody.startsWith('{')).toBe(true);
    expect(res.getParsedResponse().providers).toEqual(['GARMIN', 'OURA']);
  });

  it('decodes multi-byte UTF-8 split across chunks', async () => {
    const name = 'Zoë Ångström 🏃‍♀️';
    const bytes = Buffer.from(JSON.stringify({ ...PROVIDERS, providers: [name] }));
    const chunked = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
      // One byte at a time: every multi-byte character is cut between chunks.
      let i = 0;
      const next = () => (i < bytes.length ? res.write(bytes.subarray(i, ++i), next) : res.end());
      next();
    });
    const url = await listen(chunked);
    try {
      const terra = new Terra({ ...options, apiKey: 'k', devId: 'd', baseUrl: `${url}/v2` });
      const res = await terra.listProviders();
      expect(res.getParsedResponse().providers).toEqual([name]);
    } finally {
      await close(chunked);
    }
  });

  it('does not follow a redirect: the API key never goes to the other host, and the error says what to do', async () => {
    const elsewhere: IncomingMessage[] = [];
    const other = createHttpServer((req, res) => {
      elsewhere.push(req);
      res.end('{}');
    });
    const otherUrl = await listen(other);
    server.setHandler(() => ({ status: 301, headers: { location: `${otherUrl}/v2/integrations` } }));
    try {
      const error = await terraFor(server, { ...options, maxRetries: 0 })
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraApiError);
      expect(error.status).toBe(301);
      expect(error.message).toContain(`${otherUrl}/v2/integrations`);
      expect(error.message).toMatch(/baseUrl/);
      expect(elsewhere).toHaveLength(0);
      expect(server.requests).toHaveLength(1);
    } finally {
      await close(other);
    }
  });

  it('talks to an IPv6 literal base URL (http://[::1]:port)', async (context) => {
    const v6 = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(PROVIDERS));
    });
    const listening = await new Promise<boolean>((done) => {
      v6.once('error', () => done(false));
      v6.listen(0, '::1', () => done(true));
    });
    if (!listening) return context.skip('this machine has no IPv6 loopback');
    try {
      const baseUrl = `http://[::1]:${(v6.address() as AddressInfo).port}/v2`;
      const res = await new Terra({ ...options, apiKey: 'k', devId: 'd', baseUrl }).listProviders();
      expect(res.getParsedResponse().providers).toEqual(['GARMIN', 'OURA']);
    } finally {
      await close(v6);
    }
  });

  it('sends a JSON body with its exact byte length', async () => {
    server.setHandler(() => ({ body: [] }));
    await terraFor(server, options).bulkUserInfo(['ü-1', '用户-2']);
    const [req] = server.requests;
    expect(req?.body).toBe(JSON.stringify(['ü-1', '用户-2']));
    expect(Number(req?.headers['content-length'])).toBe(Buffer.byteLength(req?.body ?? ''));
    expect(req?.headers['content-type']).toBe('application/json');
  });
});

describe('input node:http refuses at once', () => {
  it('rejects the attempt and leaves no timer behind to hold the process open', async () => {
    const modules = loadNodeModules();
    if (!modules) throw new Error('this test runs on Node 20.16+ / 22.3+');
    const send = createNodeTransport(modules);
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const error = await send({
      url: `${server.baseUrl}/integrations`,
      method: 'GET',
      headers: { 'x-api-key': 'a\nb' },
      body: undefined,
      timeoutMs: 60_000,
      signal: undefined,
      idempotent: true,
      maxResponseBytes: 1024,
    }).catch((e) => e);
    expect((error as { code?: string }).code).toBe('ERR_INVALID_CHAR');
    expect(timers()).toBe(before);
    expect(server.requests).toHaveLength(0);
  });
});

describe('kept-alive connections (node:http)', () => {
  it('reuses one connection for calls in sequence', async () => {
    const sockets = new Set<Socket>();
    const plain = createHttpServer((req, res) => {
      sockets.add(req.socket);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(PROVIDERS));
    });
    const url = await listen(plain);
    try {
      const terra = new Terra({ apiKey: 'k', devId: 'd', baseUrl: `${url}/v2` });
      for (let i = 0; i < 5; i++) await terra.listProviders();
      expect(sockets.size).toBe(1);
    } finally {
      await close(plain);
    }
  });

  // A server that answers the first request of each connection and then, like a server closing an idle
  // socket at the wrong moment, drops the connection when the next request arrives on it.
  async function closesReusedConnections() {
    const connections: number[] = [];
    const open = new Set<Socket>();
    const tcp = createTcpServer((socket) => {
      open.add(socket);
      const index = connections.push(0) - 1;
      let buffered = '';
      socket.on('data', (data) => {
        buffered += data.toString('latin1');
        if (!buffered.includes('\r\n\r\n')) return;
        const lengthHeader = /content-length: (\d+)/i.exec(buffered);
        if (lengthHeader && buffered.split('\r\n\r\n')[1]?.length !== Number(lengthHeader[1])) return;
        buffered = '';
        connections[index] = (connections[index] ?? 0) + 1;
        if ((connections[index] ?? 0) > 1) {
          socket.destroy();
          return;
        }
        const body = JSON.stringify({ ...PROVIDERS, token: 'tok' });
        socket.write(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n${body}`,
        );
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((done) => tcp.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(tcp.address() as AddressInfo).port}`;
    const close = () => {
      for (const socket of open) socket.destroy();
      return new Promise<void>((done) => tcp.close(() => done()));
    };
    return { url, connections, close };
  }

  it('retries a GET at once on a new connection when a reused one turns out closed (one retry, no backoff)', async () => {
    const api = await closesReusedConnections();
    try {
      // An hour of backoff: the call can only finish because this retry does not wait.
      const terra = new Terra({
        apiKey: 'k',
        devId: 'd',
        baseUrl: `${api.url}/v2`,
        maxRetries: 1,
        retryBaseDelayMs: 3_600_000,
        maxRetryDelayMs: 3_600_000,
      });
      await terra.listProviders();
      const second = await terra.listProviders();
      expect(second.getParsedResponse().providers).toEqual(['GARMIN', 'OURA']);
      // The second call went out on the first connection (dropped), then on a new one (answered).
      expect(api.connections).toEqual([2, 1]);
    } finally {
      await api.close();
    }
  });

  it('counts that retry against maxRetries: with none left the caller gets a TerraConnectionError', async () => {
    const api = await closesReusedConnections();
    try {
      const terra = new Terra({ apiKey: 'k', devId: 'd', baseUrl: `${api.url}/v2`, maxRetries: 0 });
      await terra.listProviders();
      const error = await terra.listProviders().catch((e) => e);
      expect(error).toBeInstanceOf(TerraConnectionError);
      expect(error.message).toMatch(/ECONNRESET/);
      expect(api.connections).toEqual([2]);
    } finally {
      await api.close();
    }
  });

  it('does not resend a POST that may have reached the server: the caller gets a TerraConnectionError', async () => {
    const api = await closesReusedConnections();
    try {
      const terra = new Terra({ apiKey: 'k', devId: 'd', baseUrl: `${api.url}/v2`, maxRetries: 3 });
      await terra.listProviders();
      const error = await terra.generateAuthToken().catch((e) => e);
      expect(error).toBeInstanceOf(TerraConnectionError);
      expect(api.connections).toEqual([2]);
    } finally {
      await api.close();
    }
  });
});

describe('in a process of its own', () => {
  const run = promisify(execFile);

  function script(body: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'terra-transport-'));
    const file = join(dir, 'main.mts');
    writeFileSync(file, `import { Terra } from ${JSON.stringify(SRC_ENTRY)};\n${body}`);
    return file;
  }

  it('leaves nothing that keeps Node running once a call is done (idle sockets do not hold the process)', async () => {
    server.setHandler(() => ({ body: PROVIDERS }));
    const file = script(`
      const terra = new Terra({ apiKey: 'k', devId: 'd', baseUrl: process.argv[2] });
      await terra.listProviders();
      await terra.listProviders();
      setImmediate(() => console.log(JSON.stringify(process.getActiveResourcesInfo())));
    `);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', file, server.baseUrl], { cwd: REPO });
    const active = JSON.parse(stdout) as string[];
    expect(active).not.toContain('TCPSocketWrap');
    expect(active).not.toContain('Timeout');
  });

  it('talks HTTPS through node:https (certificate checked against the CA Node trusts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'terra-tls-'));
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    const seen: { key: string | undefined; socket: Socket }[] = [];
    const tls = createHttpsServer(
      { key: readFileSync(keyFile), cert: readFileSync(certFile) },
      (req: IncomingMessage, res: ServerResponse) => {
        seen.push({ key: req.headers['x-api-key'] as string | undefined, socket: req.socket });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(PROVIDERS));
      },
    );
    await new Promise<void>((done) => tls.listen(0, '127.0.0.1', done));
    const baseUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/v2`;
    const file = script(`
      const terra = new Terra({ apiKey: ${JSON.stringify(TEST_API_KEY)}, devId: ${JSON.stringify(TEST_DEV_ID)}, baseUrl: process.argv[2] });
      const a = await terra.listProviders();
      const b = await terra.listProviders();
      console.log(JSON.stringify([a.getParsedResponse().providers, b.status]));
    `);
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', file, baseUrl], {
        cwd: REPO,
        env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile },
      });
      expect(JSON.parse(stdout)).toEqual([['GARMIN', 'OURA'], 200]);
      expect(seen.map((s) => s.key)).toEqual([TEST_API_KEY, TEST_API_KEY]);
      expect(seen[0]?.socket).toBe(seen[1]?.socket);
    } finally {
      tls.closeAllConnections();
      await new Promise<void>((done) => tls.close(() => done()));
    }
  });
});
