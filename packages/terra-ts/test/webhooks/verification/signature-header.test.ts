import fc from 'fast-check';
import { parseSignatureHeader, WebhookVerificationError } from 'terra-ts';
import { describe, expect, it } from 'vitest';

const SIG = 'a'.repeat(64);

function reasonOf(header: unknown): string | undefined {
  try {
    parseSignatureHeader(header as string);
    return undefined;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

describe('parseSignatureHeader', () => {
  it('reads the timestamp and decodes the v1 signature to 32 bytes', () => {
    const parsed = parseSignatureHeader(`t=1723808700,v1=${'0f'.repeat(32)}`);
    expect(parsed.timestamp).toBe(1723808700);
    expect(parsed.timestampText).toBe('1723808700');
    expect(parsed.signatures).toHaveLength(1);
    expect([...(parsed.signatures[0] as Uint8Array)]).toEqual(new Array(32).fill(15));
  });

  it('collects every v1 signature, in any order relative to t', () => {
    const parsed = parseSignatureHeader(`v1=${'1'.repeat(64)},t=5,v1=${'2'.repeat(64)}`);
    expect(parsed.signatures).toHaveLength(2);
    expect(parsed.timestamp).toBe(5);
  });

  it('ignores other schemes such as v0, so a sender cannot downgrade the check', () => {
    const parsed = parseSignatureHeader(`t=5,v0=abc,v2=zzz,v1=${SIG}`);
    expect(parsed.signatures).toHaveLength(1);
  });

  it('tolerates spaces around elements, upper-case hex and a trailing comma', () => {
    expect(parseSignatureHeader(` t=5 , v1=${'AB'.repeat(32)} ,`).signatures).toHaveLength(1);
  });

  it('accepts the same t twice, as when a proxy joins duplicate headers', () => {
    expect(parseSignatureHeader(`t=5,v1=${SIG}, t=5,v1=${SIG}`).signatures).toHaveLength(2);
  });

  it.each([
    [undefined, 'missing_header'],
    [null, 'missing_header'],
    ['', 'missing_header'],
    ['   ', 'missing_header'],
    [`v1=${SIG}`, 'malformed_header'],
    [`t=,v1=${SIG}`, 'malformed_header'],
    [`t=abc,v1=${SIG}`, 'malformed_header'],
    [`t=-5,v1=${SIG}`, 'malformed_header'],
    [`t=1.5,v1=${SIG}`, 'malformed_header'],
    [`t=1e9,v1=${SIG}`, 'malformed_header'],
    [`t=0x10,v1=${SIG}`, 'malformed_header'],
    [`t=1,t=2,v1=${SIG}`, 'malformed_header'],
    [`t=5,v1=${SIG.slice(1)}`, 'malformed_header'],
    [`t=5,v1=${SIG}0`, 'malformed_header'],
    [`t=5,v1=${'g'.repeat(64)}`, 'malformed_header'],
    ['t=5,v1=', 'malformed_header'],
    [`t=5,${SIG}`, 'malformed_header'],
    [`t=5,=${SIG}`, 'malformed_header'],
    [`t=5;v1=${SIG}`, 'malformed_header'],
    [`t=5,v1=${SIG},${'x'.repeat(5000)}`, 'malformed_header'],
    ['t=5', 'no_signature'],
    ['t=5,v0=abc', 'no_signature'],
    ['t=5,,,', 'no_signature'],
  ])('rejects %j with %s', (header, reason) => {
    expect(reasonOf(header)).toBe(reason);
  });

  it('never lets anything but a parsed header or a WebhookVerificationError out, for any input', () => {
    const element = fc.oneof(
      fc.string(),
      fc.constantFrom('t', 'v1', 'v0', '=', ',', ' '),
      fc
        .tuple(
          fc.constantFrom('t', 'v1', 'v0', 'x'),
          fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f]{64}$/), fc.nat().map(String)),
        )
        .map(([key, value]) => `${key}=${value}`),
    );
    const header = fc.oneof(
      fc.string(),
      fc.array(element, { maxLength: 8 }).map((parts) => parts.join(',')),
      fc.anything(),
    );
    fc.assert(
      fc.property(header, (value) => {
        try {
          const parsed = parseSignatureHeader(value as string);
          expect(Number.isSafeInteger(parsed.timestamp)).toBe(true);
          expect(parsed.signatures.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(WebhookVerificationError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
