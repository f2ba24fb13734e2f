import { DEFAULTS, startSandbox } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';

describe('startSandbox', () => {
  it('listens on a free port with the default credentials and exposes its URLs', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sandbox.baseUrl).toBe(`${sandbox.url}/v2`);
      expect([sandbox.apiKey, sandbox.devId, sandbox.secret]).toEqual([
        DEFAULTS.apiKey,
        DEFAULTS.devId,
        DEFAULTS.secret,
      ]);
      expect(sandbox.users().map((u) => u.provider)).toEqual(['GARMIN', 'OURA', 'FITBIT']);
    } finally {
      await sandbox.close();
    }
  });

  it('stops answering after close, and close can be called twice', async () => {
    const sandbox = await startSandbox({ port: 0, users: [] });
    await sandbox.close();
    await sandbox.close();
    await expect(fetch(`${sandbox.url}/v2/integrations`)).rejects.toThrow();
  });

  it('rejects on a port already in use, with the system error', async () => {
    const first = await startSandbox({ port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startSandbox({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('uses the credentials it is given', async () => {
    const sandbox = await startSandbox({ port: 0, apiKey: 'k1', devId: 'd1', secret: 's1' });
    try {
      const ok = await fetch(`${sandbox.baseUrl}/subscriptions`, {
        headers: { 'x-api-key': 'k1', 'dev-id': 'd1' },
      });
      expect(ok.status).toBe(200);
      const old = await fetch(`${sandbox.baseUrl}/subscriptions`, {
        headers: { 'x-api-key': DEFAULTS.apiKey, 'dev-id': DEFAULTS.devId },
      });
      expect(old.status).toBe(401);
    } finally {
      await sandbox.close();
    }
  });
});
