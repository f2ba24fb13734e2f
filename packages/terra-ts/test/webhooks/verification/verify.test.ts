import { SignatureVerifier, TerraInvalidArgumentError, WebhookVerificationError } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { nodeHeader, nodeSignature } from '../support/sign.js';

const SECRET = 'whsec_golden_vector_secret';
const T = 1_723_808_700;
const NOW_MS = T * 1000;
const BODY = '{"type":"sleep","user":{"user_id":"u-1","provider":"OURA"},"data":[],"version":"2022-03-16"}';

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
  return 'accepted';
}

// Both HMAC implementations must behave identically: the native fast path and the WebCrypto fallback.
describe.each(['auto', 'webcrypto'] as const)('SignatureVerifier (%s HMAC)', (hmacEngine) => {
  const verifier = (options: { secret?: string | string[]; toleranceSeconds?: number } = {}) =>
    new SignatureVerifier({ secret: SECRET, hmacEngine, ...options });

  it('accepts the golden vector computed with node:crypto', async () => {
    const header = `t=${T},v1=${nodeSignature(SECRET, T, BODY)}`;
    const verified = await verifier().verify(BODY, header, NOW_MS);
    expect(verified.timestamp).toBe(T);
    expect(verified.body).toBe(BODY);
  });

  it('accepts the same body as Uint8Array and as ArrayBuffer, returning a view rather than a copy', async () => {
    const bytes = new TextEncoder().encode(BODY);
    const header = nodeHeader(SECRET, T, BODY);
    const fromBytes = await verifier().verify(bytes, header, NOW_MS);
    expect(fromBytes.body).toBe(bytes);
    const fromBuffer = await verifier().verify(bytes.buffer, header, NOW_MS);
    expect((fromBuffer.body as Uint8Array).buffer).toBe(bytes.buffer);
  });

  it('verifies non-ASCII bodies byte for byte, as string or bytes', async () => {
    const body = '{"type":"athlete","athlete":{"first_name":"Zoë 🏃"}}';
    const header = nodeHeader(SECRET, T, body);
    expect(await reason(verifier().verify(body, header, NOW_MS))).toBe('accepted');
    expect(await reason(verifier().verify(new TextEncoder().encode(body), header, NOW_MS))).toBe('accepted');
  });

  it('accepts a header with several v1 signatures when any one matches', async () => {
    const good = nodeSignature(SECRET, T, BODY);
    const header = `t=${T},v1=${'0'.repeat(64)},v1=${good},v1=${'f'.repeat(64)}`;
    expect(await reason(verifier().verify(BODY, header, NOW_MS))).toBe('accepted');
  });

  it('rejects a header whose only matching signature is under another scheme', async () => {
    const good = nodeSignature(SECRET, T, BODY);
    expect(await reason(verifier().verify(BODY, `t=${T},v0=${good},v1=${'0'.repeat(64)}`, NOW_MS))).toBe(
      'signature_mismatch',
    );
  });

  it('accepts deliveries signed with any of several secrets during a rotation', async () => {
    const rotating = verifier({ secret: ['new-secret', SECRET] });
    expect(await reason(rotating.verify(BODY, nodeHeader(SECRET, T, BODY), NOW_MS))).toBe('accepted');
    expect(await reason(rotating.verify(BODY, nodeHeader('new-secret', T, BODY), NOW_MS))).toBe('accepted');
    expect(await reason(rotating.verify(BODY, nodeHeader('retired', T, BODY), NOW_MS))).toBe(
      'signature_mismatch',
    );
  });

  it('rejects a body changed by one byte', async () => {
    const header = nodeHeader(SECRET, T, BODY);
    const bytes = new TextEncoder().encode(BODY);
    for (const index of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const changed = bytes.slice();
      changed[index] = (changed[index] as number) ^ 1;
      expect(await reason(verifier().verify(changed, header, NOW_MS))).toBe('signature_mismatch');
    }
  });

  it('rejects CRLF line endings, a trailing newline and re-serialised JSON', async () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const header = nodeHeader(SECRET, T, pretty);
    expect(await reason(verifier().verify(pretty.replaceAll('\n', '\r\n'), header, NOW_MS))).toBe(
      'signature_mismatch',
    );
    expect(await reason(verifier().verify(`${pretty}\n`, header, NOW_MS))).toBe('signature_mismatch');
    expect(await reason(verifier().verify(JSON.stringify(JSON.parse(pretty)), header, NOW_MS))).toBe(
      'signature_mismatch',
    );
  });

  it('rejects a signature made with a different timestamp than the header claims', async () => {
    const header = `t=${T + 1},v1=${nodeSignature(SECRET, T, BODY)}`;
    expect(await reason(verifier().verify(BODY, header, NOW_MS))).toBe('signature_mismatch');
  });

  it('accepts timestamps exactly at the tolerance on both sides and rejects one second beyond', async () => {
    const v = verifier({ toleranceSeconds: 300 });
    const at = (offset: number) => v.verify(BODY, nodeHeader(SECRET, T + offset, BODY), NOW_MS);
    expect(await reason(at(-300))).toBe('accepted');
    expect(await reason(at(300))).toBe('accepted');
    expect(await reason(at(-301))).toBe('timestamp_too_old');
    expect(await reason(at(301))).toBe('timestamp_in_future');
  });

  it('defaults to a 300 second tolerance', async () => {
    expect(verifier().toleranceSeconds).toBe(300);
    expect(await reason(verifier().verify(BODY, nodeHeader(SECRET, T - 301, BODY), NOW_MS))).toBe(
      'timestamp_too_old',
    );
  });

  it('honours a custom tolerance, and Infinity as an explicit opt-out', async () => {
    const old = nodeHeader(SECRET, T - 3600, BODY);
    expect(await reason(verifier({ toleranceSeconds: 3600 }).verify(BODY, old, NOW_MS))).toBe('accepted');
    expect(await reason(verifier({ toleranceSeconds: 3599 }).verify(BODY, old, NOW_MS))).toBe(
      'timestamp_too_old',
    );
    expect(await reason(verifier({ toleranceSeconds: Infinity }).verify(BODY, old, NOW_MS))).toBe('accepted');
  });

  it('refuses a tolerance of 0, a negative one or NaN instead of silently disabling the check', () => {
    for (const toleranceSeconds of [0, -1, Number.NaN]) {
      expect(() => verifier({ toleranceSeconds })).toThrow(TerraInvalidArgumentError);
    }
    expect(() => verifier({ toleranceSeconds: 0 })).toThrow(/Infinity/);
  });

  it('checks the signature before the timestamp, so a forged old delivery reports the mismatch', async () => {
    const forged = `t=${T - 10_000},v1=${'0'.repeat(64)}`;
    expect(await reason(verifier().verify(BODY, forged, NOW_MS))).toBe('signature_mismatch');
  });

  it('hints that a far-future timestamp looks like milliseconds', async () => {
    const ms = T * 1000;
    await expect(verifier().verify(BODY, nodeHeader(SECRET, ms, BODY), NOW_MS)).rejects.toThrow(
      /milliseconds/,
    );
  });

  it('explains what to do when a parsed object is passed instead of the raw body', async () => {
    const error = await verifier()
      .verify(JSON.parse(BODY), nodeHeader(SECRET, T, BODY), NOW_MS)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe('payload_not_raw');
    expect((error as Error).message).toMatch(/express\.raw/);
    expect((error as Error).message).toMatch(/request\.text\(\)/);
  });

  it('treats a missing body as payload_not_raw', async () => {
    expect(await reason(verifier().verify(undefined, nodeHeader(SECRET, T, ''), NOW_MS))).toBe(
      'payload_not_raw',
    );
  });

  it('refuses to verify without a secret, pointing at where the secret lives', async () => {
    for (const secret of [undefined, '', ['']]) {
      const error = await new SignatureVerifier({ secret, hmacEngine })
        .verify(BODY, nodeHeader(SECRET, T, BODY), NOW_MS)
        .catch((e: unknown) => e);
      expect((error as WebhookVerificationError).reason).toBe('missing_secret');
      expect((error as Error).message).toMatch(/Signing secret/);
    }
  });

  it('never puts the secret in an error message, and hints at stray whitespace in it', async () => {
    const secret = `${SECRET}\n`;
    const error = await verifier({ secret })
      .verify(BODY, nodeHeader(SECRET, T, BODY), NOW_MS)
      .catch((e: unknown) => e);
    expect((error as WebhookVerificationError).reason).toBe('signature_mismatch');
    expect((error as Error).message).toMatch(/whitespace/);
    expect((error as Error).message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(String(error)).not.toContain(SECRET);
  });

  it('reports header problems with their reasons', async () => {
    expect(await reason(verifier().verify(BODY, undefined, NOW_MS))).toBe('missing_header');
    expect(await reason(verifier().verify(BODY, 'garbage', NOW_MS))).toBe('malformed_header');
    expect(await reason(verifier().verify(BODY, `t=${T}`, NOW_MS))).toBe('no_signature');
  });

  it('verifies a 1 MB body', async () => {
    const big = JSON.stringify({ type: 'activity', data: ['x'.repeat(1024 * 1024)] });
    expect(await reason(verifier().verify(big, nodeHeader(SECRET, T, big), NOW_MS))).toBe('accepted');
    expect(
      await reason(verifier().verify(new TextEncoder().encode(big), nodeHeader(SECRET, T, big), NOW_MS)),
    ).toBe('accepted');
  });
});
