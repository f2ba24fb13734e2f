import { WebhookVerificationError } from '../../errors/webhook-verification-error.js';

/** A `terra-signature` header taken apart: the signed timestamp and every `v1` signature, as bytes. */
export interface ParsedSignatureHeader {
  /** Unix seconds, exactly as signed (`t=`). */
  readonly timestamp: number;
  /** The `t=` text as sent, because the signed message uses it verbatim. */
  readonly timestampText: string;
  /** Each `v1` signature decoded from hex (32 bytes each). */
  readonly signatures: readonly Uint8Array[];
}

// Real headers are ~80 characters; the cap bounds the work an unsigned request can cause.
const MAX_HEADER_LENGTH = 4096;
const SHA256_HEX_LENGTH = 64;
// Past year 5000 in seconds: such a `t` is almost certainly milliseconds (the Vantage API variant).
const MILLISECONDS_HINT_THRESHOLD = 100_000_000_000;

const HEADER_SHAPE =
  'expected `t=<unix seconds>,v1=<hex signature>` (for example `t=1723808700,v1=5257a869...`)';

function malformed(detail: string): WebhookVerificationError {
  return new WebhookVerificationError(
    'malformed_header',
    `Malformed Terra signature header: ${detail}; ${HEADER_SHAPE}.`,
  );
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

function decodeSignature(hex: string): Uint8Array {
  if (hex.length !== SHA256_HEX_LENGTH) {
    throw malformed(`a v1 signature must be ${SHA256_HEX_LENGTH} hex characters, got ${hex.length}`);
  }
  const bytes = new Uint8Array(SHA256_HEX_LENGTH / 2);
  for (let i = 0; i < bytes.length; i++) {
    const high = hexValue(hex.charCodeAt(2 * i));
    const low = hexValue(hex.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) throw malformed('a v1 signature contains a non-hex character');
    bytes[i] = (high << 4) | low;
  }
  return bytes;
}

function parseTimestamp(text: string): number {
  if (!/^\d{1,16}$/.test(text)) throw malformed('`t` must be whole unix seconds');
  return Number(text);
}

/**
 * Takes a `terra-signature` header apart.
 *
 * Elements are comma-separated `key=value` pairs (split on the first `=`, surrounding spaces ignored).
 * Every `v1` is a candidate signature; other schemes such as `v0` are ignored so a sender cannot
 * downgrade the check. `t` must appear once (a repeated identical `t`, as produced when a proxy
 * joins duplicate headers, is accepted).
 *
 * @throws {@link WebhookVerificationError} `missing_header`, `malformed_header` or `no_signature`.
 */
export function parseSignatureHeader(header: string | null | undefined): ParsedSignatureHeader {
  if (typeof header !== 'string' || header.trim() === '') {
    throw new WebhookVerificationError(
      'missing_header',
      'The Terra signature header is missing: read `terra-signature` (or `X-Terra-Signature`) from the request headers and pass it along with the raw body.',
    );
  }
  if (header.length > MAX_HEADER_LENGTH) throw malformed(`it is longer than ${MAX_HEADER_LENGTH} characters`);

  let timestampText: string | undefined;
  const signatures: Uint8Array[] = [];
  for (const element of header.split(',')) {
    const trimmed = element.trim();
    if (trimmed === '') continue;
    const equals = trimmed.indexOf('=');
    if (equals <= 0) throw malformed(`element "${trimmed.slice(0, 20)}" is not key=value`);
    const key = trimmed.slice(0, equals).trim();
    const value = trimmed.slice(equals + 1).trim();
    if (key === 't') {
      if (timestampText !== undefined && timestampText !== value) throw malformed('it has more than one `t`');
      timestampText = value;
    } else if (key === 'v1') {
      signatures.push(decodeSignature(value));
    }
  }

  if (timestampText === undefined) throw malformed('it has no `t` timestamp');
  const timestamp = parseTimestamp(timestampText);
  if (signatures.length === 0) {
    throw new WebhookVerificationError(
      'no_signature',
      'The Terra signature header has no `v1` signature (other schemes are ignored on purpose); the request was not signed by Terra.',
    );
  }
  return { timestamp, timestampText, signatures };
}

/** True when a header timestamp is so large that it was probably sent in milliseconds. */
export function looksLikeMilliseconds(timestamp: number): boolean {
  return timestamp >= MILLISECONDS_HINT_THRESHOLD;
}
