import { createHmac } from 'node:crypto';
import { TerraInvalidArgumentError, TerraWebhooks, WebhookVerificationError } from 'terra-ts';
import { examplePayloads, generateTestSignatureHeader, signTestWebhook } from 'terra-ts/testing';
import { describe, expect, it } from 'vitest';

const SECRET = 'testing-helper-secret';

describe('generateTestSignatureHeader', () => {
  it('produces t=<seconds>,v1=<hex> matching node:crypto for a fixed timestamp', async () => {
    const payload = '{"type":"auth"}';
    const expected = createHmac('sha256', SECRET).update(`1700000000.${payload}`).digest('hex');
    expect(await generateTestSignatureHeader({ payload, secret: SECRET, timestamp: 1_700_000_000 })).toBe(
      `t=1700000000,v1=${expected}`,
    );
    expect(
      await generateTestSignatureHeader({ payload, secret: SECRET, timestamp: new Date(1_700_000_000_500) }),
    ).toBe(`t=1700000000,v1=${expected}`);
  });

  it('signs bytes the same as the equivalent text', async () => {
    const text = '{"name":"Zoë"}';
    const fromText = await generateTestSignatureHeader({ payload: text, secret: SECRET, timestamp: 1 });
    const fromBytes = await generateTestSignatureHeader({
      payload: new TextEncoder().encode(text),
      secret: SECRET,
      timestamp: 1,
    });
    expect(fromBytes).toBe(fromText);
  });

  it('defaults the timestamp to now, so the header verifies straight away', async () => {
    const payload = JSON.stringify(examplePayloads.deauth);
    const header = await generateTestSignatureHeader({ payload, secret: SECRET });
    expect(await new TerraWebhooks({ secret: SECRET }).checkTerraSignature(payload, header)).toBe(true);
  });

  it('refuses a parsed object, an empty secret and a bad timestamp with typed errors', async () => {
    await expect(
      generateTestSignatureHeader({ payload: { type: 'auth' } as unknown as string, secret: SECRET }),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(generateTestSignatureHeader({ payload: '{}', secret: '' })).rejects.toBeInstanceOf(
      TerraInvalidArgumentError,
    );
    await expect(
      generateTestSignatureHeader({ payload: '{}', secret: SECRET, timestamp: -1 }),
    ).rejects.toBeInstanceOf(TerraInvalidArgumentError);
  });
});

describe('signTestWebhook', () => {
  it('returns a JSON body and headers that a TerraWebhooks accepts', async () => {
    const { body, headers } = await signTestWebhook(examplePayloads.sleep, {
      secret: SECRET,
      headers: { 'x-terra-trace-id': 'trace-42' },
    });
    expect(JSON.parse(body)).toEqual(examplePayloads.sleep);
    expect(headers['content-type']).toBe('application/json');
    const delivery = await new TerraWebhooks({ secret: SECRET }).handleWebhook(body, undefined, headers);
    expect(delivery.type).toBe('sleep');
    expect(delivery.delivery.traceId).toBe('trace-42');
  });
});
