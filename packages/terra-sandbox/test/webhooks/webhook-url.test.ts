import { startSandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli-args.js';
import { type Receiver, startReceiver } from '../support/receiver.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

const NOT_HTTP = [
  'file:///etc/passwd',
  'ftp://example.com/hooks',
  'javascript:alert(1)',
  'data:text/plain,x',
  'gopher://h/',
];

let t: TestSandbox;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestSandbox({ users: [] });
});
afterAll(async () => {
  await t.sandbox.close();
  await receiver.close();
});

describe('webhook URL', () => {
  it('setWebhookUrl refuses every scheme but http(s), naming the scheme, and keeps the URL it had', () => {
    t.sandbox.setWebhookUrl(receiver.url);
    for (const url of NOT_HTTP) {
      const scheme = new URL(url).protocol;
      expect(() => t.sandbox.setWebhookUrl(url)).toThrow(
        new RegExp(`setWebhookUrl\\(url\\) must use http: or https:, not ${scheme}`),
      );
      expect(t.sandbox.webhookUrl).toBe(receiver.url);
    }
    expect(() => t.sandbox.setWebhookUrl('not a url')).toThrow(/is not a URL.*absolute http\(s\) URL/);
    expect(() => t.sandbox.setWebhookUrl(42 as unknown as string)).toThrow(TypeError);
    t.sandbox.setWebhookUrl(undefined);
    expect(t.sandbox.webhookUrl).toBeUndefined();
  });

  it('setWebhookUrl takes any http(s) URL, loopback or not', () => {
    for (const url of [
      'http://127.0.0.1:3000/hooks',
      'https://hooks.example.com/terra',
      'http://[::1]:9/x',
    ]) {
      t.sandbox.setWebhookUrl(url);
      expect(t.sandbox.webhookUrl).toBe(url);
    }
    t.sandbox.setWebhookUrl(undefined);
  });

  it('PUT /sandbox/api/webhook-url refuses other schemes with a 400 that names the scheme', async () => {
    for (const url of NOT_HTTP) {
      const res = await t.json('/sandbox/api/webhook-url', { method: 'PUT', body: JSON.stringify({ url }) });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.detail).toContain(`not ${new URL(url).protocol}`);
    }
    expect(t.sandbox.webhookUrl).toBeUndefined();
  });

  it('startSandbox and --webhook-url refuse a non-http(s) webhook URL before listening', async () => {
    await expect(startSandbox({ port: 0, webhookUrl: 'file:///tmp/hooks' })).rejects.toThrow(
      /webhookUrl must use http: or https:, not file:/,
    );
    expect(() => parseCliArgs(['--webhook-url', 'ftp://x/y'])).toThrow(
      /--webhook-url must use http: or https:, not ftp:/,
    );
  });
});
