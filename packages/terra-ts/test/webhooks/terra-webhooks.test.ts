import fc from 'fast-check';
import {
  AuthHookResponse,
  DataReturned,
  Terra,
  TerraInvalidArgumentError,
  TerraWebhookResponse,
  TerraWebhooks,
  WebhookVerificationError,
} from 'terra-ts';
import { examplePayloads, generateTestSignatureHeader } from 'terra-ts/testing';
import { describe, expect, it } from 'vitest';
import { terraFor, wireUser } from '../support/terra-for.js';
import { startTestServer } from '../support/test-server.js';
import { nodeHeader, nowSeconds } from './support/sign.js';

const SECRET = 'terra-webhooks-test-secret';
const body = JSON.stringify(examplePayloads.sleep);

describe('TerraWebhooks.handleWebhook', () => {
  const webhooks = new TerraWebhooks({ secret: SECRET });

  it('verifies and parses a delivery, returning the JSON and the typed event', async () => {
    const response = await webhooks.handleWebhook(body, nodeHeader(SECRET, nowSeconds(), body));
    expect(response).toBeInstanceOf(TerraWebhookResponse);
    expect(response.type).toBe('sleep');
    expect(response.getJson()).toEqual(examplePayloads.sleep);
    const event = response.getParsedResponse();
    expect(event).toBeInstanceOf(DataReturned);
    expect((event as DataReturned).data).toBe(response.getJson().data);
  });

  it('accepts the body as bytes (a Node Buffer) and as an ArrayBuffer', async () => {
    const header = nodeHeader(SECRET, nowSeconds(), body);
    const bytes = new TextEncoder().encode(body);
    expect((await webhooks.handleWebhook(bytes, header)).type).toBe('sleep');
    expect((await webhooks.handleWebhook(bytes.buffer, header)).type).toBe('sleep');
    expect((await webhooks.handleWebhook(Buffer.from(body), header)).type).toBe('sleep');
  });

  it('reads the signature and delivery headers from request headers, by either header name and any case', async () => {
    const signature = nodeHeader(SECRET, nowSeconds(), body);
    for (const name of ['terra-signature', 'X-Terra-Signature', 'TERRA-SIGNATURE']) {
      const headers = new Headers({
        [name]: signature,
        'terra-reference': 'ref-123',
        'X-Terra-Trace-Id': 'trace-9:chunk:2',
        'x-terra-ordering-timestamp': '1723808700123',
      });
      const response = await webhooks.handleWebhook(body, undefined, headers);
      expect(response.delivery).toEqual({
        reference: 'ref-123',
        traceId: 'trace-9:chunk:2',
        orderingTimestamp: 1723808700123,
      });
    }
    const plain = await webhooks.handleWebhook(body, undefined, { 'X-Terra-Signature': signature });
    expect(plain.delivery).toEqual({
      reference: undefined,
      traceId: undefined,
      orderingTimestamp: undefined,
    });
  });

  it('throws WebhookVerificationError for a bad signature and for a parsed body', async () => {
    const header = nodeHeader(SECRET, nowSeconds(), body);
    await expect(webhooks.handleWebhook(`${body} `, header)).rejects.toMatchObject({
      reason: 'signature_mismatch',
    });
    await expect(webhooks.handleWebhook(JSON.parse(body), header)).rejects.toMatchObject({
      reason: 'payload_not_raw',
    });
  });

  it('reports a correctly signed body that is not a JSON object as malformed_payload', async () => {
    for (const text of ['not json', '[1,2]']) {
      await expect(
        webhooks.handleWebhook(text, nodeHeader(SECRET, nowSeconds(), text)),
      ).rejects.toMatchObject({
        reason: 'malformed_payload',
      });
    }
  });

  it('verifies headers made by generateTestSignatureHeader, including for an explicit timestamp', async () => {
    const header = await generateTestSignatureHeader({ payload: body, secret: SECRET });
    expect((await webhooks.handleWebhook(body, header)).type).toBe('sleep');
    const stale = await generateTestSignatureHeader({
      payload: body,
      secret: SECRET,
      timestamp: nowSeconds() - 301,
    });
    await expect(webhooks.handleWebhook(body, stale)).rejects.toMatchObject({ reason: 'timestamp_too_old' });
  });
});

describe('TerraWebhooks.checkTerraSignature', () => {
  const webhooks = new TerraWebhooks({ secret: SECRET });

  it('returns true for a valid signature and false for bad or malformed ones', async () => {
    const header = nodeHeader(SECRET, nowSeconds(), body);
    expect(await webhooks.checkTerraSignature(body, header)).toBe(true);
    expect(await webhooks.checkTerraSignature(`${body}x`, header)).toBe(false);
    expect(await webhooks.checkTerraSignature(body, 't=10,v1=3')).toBe(false);
    expect(await webhooks.checkTerraSignature(body, undefined)).toBe(false);
    expect(await webhooks.checkTerraSignature(body, nodeHeader(SECRET, nowSeconds() - 1000, body))).toBe(
      false,
    );
  });

  it('throws for set-up mistakes rather than answering false', async () => {
    const header = nodeHeader(SECRET, nowSeconds(), body);
    await expect(new TerraWebhooks().checkTerraSignature(body, header)).rejects.toMatchObject({
      reason: 'missing_secret',
    });
    await expect(webhooks.checkTerraSignature(JSON.parse(body), header)).rejects.toBeInstanceOf(
      WebhookVerificationError,
    );
  });
});

describe('Terra webhook delegates', () => {
  const terra = new Terra({ apiKey: 'test-key', devId: 'test-dev', secret: SECRET });

  it('exposes a TerraWebhooks built from the client options', () => {
    expect(terra.webhooks).toBeInstanceOf(TerraWebhooks);
    expect(terra.webhooks.toleranceSeconds).toBe(300);
  });

  it('handleWebhook and checkTerraSignature use the client secret', async () => {
    const header = nodeHeader(SECRET, nowSeconds(), body);
    expect((await terra.handleWebhook(body, header)).type).toBe('sleep');
    expect(await terra.checkTerraSignature(body, header)).toBe(true);
  });

  it('binds users in parsed events to the client, so their data methods call Terra', async () => {
    const server = await startTestServer(() => ({
      body: { type: 'athlete', user: wireUser(), athlete: {} },
    }));
    try {
      const client = terraFor(server, { secret: SECRET });
      const auth = JSON.stringify(examplePayloads.auth);
      const event = (
        await client.handleWebhook(auth, nodeHeader(SECRET, nowSeconds(), auth))
      ).getParsedResponse();
      expect(event).toBeInstanceOf(AuthHookResponse);
      await (event as AuthHookResponse).user.getAthlete({ toWebhook: false });
      expect(server.requests.map((request) => [request.path, request.query.get('user_id')])).toEqual([
        ['/v2/athlete', examplePayloads.auth.user.user_id],
      ]);
    } finally {
      await server.close();
    }
  });

  it('leaves users unbound when webhooks are handled without a client', async () => {
    const auth = JSON.stringify(examplePayloads.auth);
    const event = (
      await new TerraWebhooks({ secret: SECRET }).handleWebhook(auth, nodeHeader(SECRET, nowSeconds(), auth))
    ).event as AuthHookResponse;
    await expect(event.user.getAthlete()).rejects.toThrow(TerraInvalidArgumentError);
  });

  it('handleExpressWebhook reads a raw Buffer body and the signature from req.headers', async () => {
    const header = nodeHeader(SECRET, nowSeconds(), body);
    const req = { method: 'POST', headers: { 'terra-signature': header }, body: Buffer.from(body) };
    expect((await terra.handleExpressWebhook(req)).type).toBe('sleep');
  });

  it('honours webhookToleranceSeconds and refuses 0', async () => {
    const wide = new Terra({ apiKey: 'k', devId: 'd', secret: SECRET, webhookToleranceSeconds: 7200 });
    const old = nodeHeader(SECRET, nowSeconds() - 3600, body);
    expect(await wide.checkTerraSignature(body, old)).toBe(true);
    expect(() => new Terra({ apiKey: 'k', devId: 'd', secret: SECRET, webhookToleranceSeconds: 0 })).toThrow(
      TerraInvalidArgumentError,
    );
  });

  it('never shows the signing secret when the client or its webhooks are logged or serialised', () => {
    expect(JSON.stringify(terra.webhooks)).not.toContain(SECRET);
    expect(String(Object.values(terra.webhooks))).not.toContain(SECRET);
  });
});

describe('handleWebhook under random input', () => {
  const webhooks = new TerraWebhooks({ secret: SECRET });
  const isParsed = (value: unknown) => value instanceof TerraWebhookResponse;

  it('only ever resolves a delivery or rejects with WebhookVerificationError, for any body and header', async () => {
    const header = fc.oneof(
      fc.string(),
      fc.constant(undefined),
      fc.tuple(fc.integer(), fc.stringMatching(/^[0-9a-f]{64}$/)).map(([t, v]) => `t=${t},v1=${v}`),
    );
    const payload = fc.oneof(fc.string(), fc.uint8Array(), fc.jsonValue(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(payload, header, async (body, signature) => {
        const outcome = await webhooks.handleWebhook(body as string, signature).then(
          (value) => value,
          (error: unknown) => error,
        );
        expect(outcome instanceof WebhookVerificationError || isParsed(outcome)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('parses any correctly signed JSON object, and rejects signed non-objects as malformed_payload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (json) => {
        const body = JSON.stringify(json) ?? 'null';
        const outcome = await webhooks.handleWebhook(body, nodeHeader(SECRET, nowSeconds(), body)).then(
          (value) => value,
          (error: unknown) => error,
        );
        if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
          expect(isParsed(outcome)).toBe(true);
        } else {
          expect((outcome as WebhookVerificationError).reason).toBe('malformed_payload');
        }
      }),
      { numRuns: 500 },
    );
  });
});
