import fc from 'fast-check';
import { parseSignatureHeader, TerraWebhooks, WebhookVerificationError } from 'terra-ts';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { describe, expect, it } from 'vitest';
import { nodeSignature, nowSeconds } from '../webhooks/support/sign.js';
import { CANARY_ROTATED_SECRET, CANARY_WEBHOOK_SECRET } from './support/canary.js';
import { scaled } from './support/long.js';

const RUNS = scaled(500, 5_000);
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const space = fc.constantFrom('', ' ', '  ', '\t');
const signatureBytes = fc.uint8Array({ minLength: 32, maxLength: 32 });

/** A header element with random surrounding whitespace. */
const element = (key: string, value: string) =>
  space.chain((a) => space.map((b) => `${a}${key}=${value}${b}`));

describe('the signature header parser', () => {
  it('reads t and every v1 in order, whatever the spacing, hex case, order and unknown schemes', () => {
    const header = fc.record({
      t: fc.integer({ min: 0, max: 9_999_999_999 }),
      signatures: fc.array(fc.tuple(signatureBytes, fc.boolean()), { minLength: 1, maxLength: 5 }),
      others: fc.array(
        fc.tuple(fc.constantFrom('v0', 'v2', 'scheme', 'x'), fc.stringMatching(/^[a-z0-9]{0,70}$/)),
        { maxLength: 3 },
      ),
      position: fc.nat(),
    });
    fc.assert(
      fc.property(header, fc.context(), ({ t, signatures, others, position }, ctx) => {
        const parts = [
          ...signatures.map(
            ([bytes, upper]) => ['v1', upper ? toHex(bytes).toUpperCase() : toHex(bytes)] as const,
          ),
          ...others,
        ];
        const elements = parts.map(([key, value]) => `${key}=${value}`);
        elements.splice(position % (elements.length + 1), 0, `t=${t}`);
        const text = elements.map((e) => ` ${e} `).join(',');
        ctx.log(text);
        const parsed = parseSignatureHeader(text);
        expect(parsed.timestamp).toBe(t);
        expect(parsed.timestampText).toBe(String(t));
        expect(parsed.signatures.map(toHex)).toEqual(signatures.map(([bytes]) => toHex(bytes)));
      }),
      { numRuns: RUNS },
    );
  });

  it('any string either parses or fails with a header reason, never anything else', () => {
    const near = fc
      .array(
        fc.oneof(
          element('t', '1700000000'),
          element('v1', 'ab'.repeat(32)),
          fc.string({ maxLength: 12 }),
          fc.constantFrom('=', ',', 't=', 'v1=', 't=-1', 't=1e9', 'v1=zz'),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join(','));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), near, fc.constant('x'.repeat(5_000))),
        (text) => {
          try {
            const parsed = parseSignatureHeader(text);
            expect(Number.isInteger(parsed.timestamp)).toBe(true);
            expect(parsed.signatures.length).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(WebhookVerificationError);
            expect(['missing_header', 'malformed_header', 'no_signature']).toContain(
              (error as WebhookVerificationError).reason,
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('headers from generateTestSignatureHeader verify, and changing any one signature character breaks them', async () => {
    const webhooks = new TerraWebhooks({ secret: [CANARY_ROTATED_SECRET, CANARY_WEBHOOK_SECRET] });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(63), async (body, index) => {
        const header = await generateTestSignatureHeader({ payload: body, secret: CANARY_WEBHOOK_SECRET });
        expect(await webhooks.checkTerraSignature(body, header)).toBe(true);
        const signature = header.slice(header.indexOf('v1=') + 3);
        expect(signature).toBe(
          nodeSignature(CANARY_WEBHOOK_SECRET, parseSignatureHeader(header).timestampText, body),
        );
        const flipped =
          signature.slice(0, index) + (signature[index] === '0' ? '1' : '0') + signature.slice(index + 1);
        expect(await webhooks.checkTerraSignature(body, header.replace(signature, flipped))).toBe(false);
      }),
      { numRuns: scaled(200, 2_000) },
    );
  });

  it('a timestamp is accepted exactly within the tolerance, in both directions', async () => {
    const webhooks = new TerraWebhooks({ secret: CANARY_WEBHOOK_SECRET, toleranceSeconds: 300 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -2_000, max: 2_000 }), async (offset) => {
        const now = nowSeconds();
        const t = now + offset;
        const header = `t=${t},v1=${nodeSignature(CANARY_WEBHOOK_SECRET, t, '{}')}`;
        const accepted = await webhooks.checkTerraSignature('{}', header);
        // One second of slack: the clock may tick between signing and checking.
        if (Math.abs(offset) <= 299) expect(accepted).toBe(true);
        if (Math.abs(offset) >= 302) expect(accepted).toBe(false);
      }),
      { numRuns: scaled(200, 2_000) },
    );
  });
});
