import { type ChildProcess, spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startSandbox } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli-args.js';
import { rawRequest, rawStatus } from '../support/raw-request.js';
import { GARMIN_USER } from '../support/sandbox.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();
const port = () => new URL(t.sandbox.url).port;
const creds = () => ({ 'x-api-key': t.sandbox.apiKey, 'dev-id': t.sandbox.devId });

describe('Host header check (DNS rebinding)', () => {
  it('answers 421 problem+json to a name it is not bound to, on the API, control API, dashboard and widget', async () => {
    for (const path of [
      '/v2/integrations',
      '/sandbox/api/users',
      '/dashboard',
      '/widget/x',
      '/assets/sandbox.css',
    ]) {
      const res = await rawRequest(`${t.sandbox.url}${path}`, {
        headers: { host: `rebind.attacker.example:${port()}`, ...creds() },
      });
      expect(res.status, path).toBe(421);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(res.body).detail).toContain('"rebind.attacker.example:');
      expect(JSON.parse(res.body).detail).toContain('--allowed-host');
    }
  });

  it('serves every loopback form of the name, with or without the port', async () => {
    for (const host of [
      '127.0.0.1',
      'localhost',
      'LOCALHOST.',
      '[::1]',
      '127.0.0.2',
      'app.localhost',
    ].flatMap((h) => [h, `${h}:${port()}`])) {
      const res = await rawRequest(`${t.sandbox.url}/v2/integrations`, { headers: { host } });
      expect(res.status, host).toBe(200);
    }
  });

  it('refuses a request with an empty or missing Host header', async () => {
    const url = t.sandbox.url;
    expect(await rawStatus(url, 'GET /v2/integrations HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n')).toBe(
      421,
    );
    // Node itself refuses HTTP/1.1 without Host; either way nothing is served.
    expect([400, 421]).toContain(
      await rawStatus(url, 'GET /v2/integrations HTTP/1.1\r\nConnection: close\r\n\r\n'),
    );
  });

  it('answers to extra names given in allowedHosts (and --allowed-host), and only those', async () => {
    const sandbox = await startSandbox({ port: 0, users: [], allowedHosts: ['sandbox.test'] });
    try {
      const at = (host: string) => rawRequest(`${sandbox.url}/v2/integrations`, { headers: { host } });
      expect((await at('sandbox.test:1234')).status).toBe(200);
      expect((await at('other.test')).status).toBe(421);
    } finally {
      await sandbox.close();
    }
    expect(
      parseCliArgs(['--allowed-host', 'a.test', '--allowed-host', 'b.test']).options.allowedHosts,
    ).toEqual(['a.test', 'b.test']);
    expect(() => parseCliArgs(['--allowed-host', 'http://a.test/'])).toThrow(
      /--allowed-host takes a host name/,
    );
  });
});

describe('cross-site requests', () => {
  it('refuses a state-changing request whose Origin is another site, or null, with 403', async () => {
    for (const origin of ['http://evil.example', 'null', `http://localhost:${Number(port()) + 1}`]) {
      const res = await rawRequest(`${t.sandbox.url}/sandbox/api/users`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', ...creds() },
        body: '{"provider":"GARMIN","reference_id":"cross-site"}',
      });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body).detail).toContain(`cross-site POST refused (Origin: ${origin})`);
    }
    expect(t.sandbox.users().some((u) => u.reference_id === 'cross-site')).toBe(false);
  });

  it('refuses Sec-Fetch-Site cross-site and same-site on POST, PUT and DELETE', async () => {
    for (const [method, path] of [
      ['POST', '/widget/anything/GARMIN'],
      ['PUT', '/sandbox/api/webhook-url'],
      ['DELETE', `/sandbox/api/users/${GARMIN_USER}`],
    ] as const) {
      for (const site of ['cross-site', 'same-site']) {
        const res = await rawRequest(`${t.sandbox.url}${path}`, {
          method,
          headers: { 'sec-fetch-site': site, ...creds() },
          body: '{"url":null}',
        });
        expect(res.status, `${method} ${path} ${site}`).toBe(403);
      }
    }
    expect(t.sandbox.users().some((u) => u.user_id === GARMIN_USER)).toBe(true);
  });

  it('lets its own pages (same origin) and clients that are not browsers (no Origin) change state', async () => {
    const sameOrigin = await rawRequest(`${t.sandbox.url}/sandbox/api/users`, {
      method: 'POST',
      headers: {
        origin: t.sandbox.url,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        ...creds(),
      },
      body: '{"provider":"OURA","reference_id":"same-origin"}',
    });
    expect(sameOrigin.status).toBe(201);
    const sdk = await t.json('/sandbox/api/users', {
      method: 'POST',
      body: '{"provider":"OURA","reference_id":"no-origin"}',
    });
    expect(sdk.status).toBe(201);
  });

  it('leaves reads alone: a cross-site GET of a public page still works (it cannot read the answer)', async () => {
    const res = await rawRequest(`${t.sandbox.url}/v2/integrations`, {
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe("the dashboard's data", () => {
  it('needs the token its page carries or the API credentials', async () => {
    const page = await (await t.call('/dashboard', { auth: false })).text();
    const token = /data-token="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(32);
    for (const path of [
      '/dashboard/api/users',
      '/dashboard/api/deliveries',
      `/dashboard/api/users/${GARMIN_USER}/charts`,
      '/dashboard/partials/users',
      '/dashboard/partials/deliveries',
    ]) {
      const none = await t.json(path, { auth: false });
      expect(none.status, path).toBe(401);
      expect(none.body.detail).toContain('x-sandbox-dashboard-token');
      const wrong = await t.call(path, {
        auth: false,
        headers: { 'x-sandbox-dashboard-token': `${token}x` },
      });
      expect(wrong.status, path).toBe(401);
      const badKey = await t.call(path, { auth: false, headers: { 'x-api-key': 'nope', 'dev-id': 'nope' } });
      expect(badKey.status, path).toBe(401);
      const withToken = await t.call(path, { auth: false, headers: { 'x-sandbox-dashboard-token': token } });
      expect(withToken.status, path).toBe(200);
      expect((await t.call(path)).status, path).toBe(200);
    }
  });

  it('uses a fresh token per start', async () => {
    const other = await startSandbox({ port: 0, users: [] });
    try {
      const tokenOf = async (url: string) =>
        /data-token="([^"]+)"/.exec(await (await fetch(`${url}/dashboard`)).text())?.[1];
      const mine = await tokenOf(t.sandbox.url);
      expect(mine).toBe(await tokenOf(t.sandbox.url));
      expect(await tokenOf(other.url)).not.toBe(mine);
    } finally {
      await other.close();
    }
  });
});

describe('binding to a non-loopback address', () => {
  const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

  function startBin(args: string[]): Promise<{ child: ChildProcess; stdout: string; stderr: string }> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', BIN, '--port', '0', '--no-demo-users', ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    return new Promise((resolve, reject) => {
      child.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      child.stdout?.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('users')) resolve({ child, stdout, stderr });
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stdout}${stderr}`)));
    });
  }

  async function stop(child: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  it('warns loudly on stderr when bound to 0.0.0.0, and not when bound to loopback', async () => {
    const exposed = await startBin(['--host', '0.0.0.0']);
    try {
      expect(exposed.stderr).toMatch(
        /WARNING: terra-sandbox is listening on 0\.0\.0\.0:\d+, which is NOT a loopback address/,
      );
      expect(exposed.stderr).toContain('bind to 127.0.0.1');
      // Bound to every interface, it answers to the URL it printed, to loopback and to its interface addresses.
      const url = /listening on (http:\/\/\S+)/.exec(exposed.stdout)?.[1] ?? '';
      const port = new URL(url).port;
      expect((await rawRequest(`${url}/v2/integrations`)).status).toBe(200);
      const lan = Object.values(networkInterfaces())
        .flat()
        .find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address;
      for (const host of ['127.0.0.1', ...(lan ? [lan] : [])]) {
        const res = await rawRequest(`http://127.0.0.1:${port}/v2/integrations`, {
          headers: { host: `${host}:${port}` },
        });
        expect(res.status, host).toBe(200);
      }
      const rebound = await rawRequest(`http://127.0.0.1:${port}/v2/integrations`, {
        headers: { host: `rebind.attacker.example:${port}` },
      });
      expect(rebound.status).toBe(421);
    } finally {
      await stop(exposed.child);
    }
    const local = await startBin([]);
    try {
      expect(local.stderr).toBe('');
    } finally {
      await stop(local.child);
    }
  });
});
