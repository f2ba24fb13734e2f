import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const secret = 'whsec_SIGN_TEST_SECRET';
const body = '{"type":"sleep","data":[],"note":"ünïcode"}\n';

describe('terra webhooks sign', { timeout: 120_000 }, () => {
  it("prints Terra's header: t=<seconds>,v1=<hex HMAC-SHA256 of `t.body`> over the exact bytes", async () => {
    const result = await runCli(['webhooks', 'sign', '--secret', secret, '--timestamp', '1723808700'], {
      input: body,
    });
    expect(result.code).toBe(0);
    const expected = createHmac('sha256', secret).update(`1723808700.${body}`).digest('hex');
    expect(result.stdout).toBe(`t=1723808700,v1=${expected}\n`);
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('signs as of now by default', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await runCli(['webhooks', 'sign', '--secret', secret], { input: body });
    const t = Number(result.stdout.match(/^t=(\d+),/)?.[1]);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('takes the secret from TERRA_WEBHOOK_SECRET', async () => {
    const result = await runCli(['webhooks', 'sign', '--timestamp', '1723808700'], {
      input: body,
      env: { TERRA_WEBHOOK_SECRET: secret },
    });
    expect(result.stdout).toMatch(/^t=1723808700,v1=[0-9a-f]{64}\n$/);
  });

  it('exits 1 with a hint when there is no secret or no payload', async () => {
    const noSecret = await runCli(['webhooks', 'sign'], { input: body });
    expect(noSecret.code).toBe(1);
    expect(noSecret.stderr).toContain('TERRA_WEBHOOK_SECRET');
    const empty = await runCli(['webhooks', 'sign', '--secret', secret], { input: '' });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('the payload is empty');
  });
});
