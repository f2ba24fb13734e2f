import { TerraInvalidArgumentError } from '../../errors/terra-invalid-argument-error.js';
import { WebhookVerificationError } from '../../errors/webhook-verification-error.js';
import { toRawPayload } from '../delivery/raw-payload.js';
import { constantTimeEqual } from './constant-time-equal.js';
import { createHmacSha256, type HmacEngine, type HmacSha256 } from './hmac.js';
import { looksLikeMilliseconds, parseSignatureHeader } from './signature-header.js';
import { resolveTolerance } from './tolerance.js';

/** Options shared by everything that verifies deliveries. */
export interface SignatureVerifierOptions {
  /** The webhook signing secret, or several during a rotation (any one may match). */
  secret?: string | readonly string[] | undefined;
  /** Accepted clock difference in seconds, both directions. Default 300; `Infinity` skips the check. */
  toleranceSeconds?: number | undefined;
  /** @internal Forces the WebCrypto implementation (tests and benchmarks). */
  hmacEngine?: HmacEngine | undefined;
}

/** A delivery whose signature checked out: the raw body (a view, never a copy) and its signed timestamp. */
export interface VerifiedDelivery {
  /** The raw body as passed in (an `ArrayBuffer` is viewed as a `Uint8Array`). */
  readonly body: string | Uint8Array;
  /** The signed `t`, in unix seconds. */
  readonly timestamp: number;
}

const SECRET_LOCATION =
  'Terra dashboard > Connections > Destinations > Webhook > Edit > "Signing secret" (a separate credential from the API key)';

function normaliseSecrets(secret: string | readonly string[] | undefined): string[] {
  const list = secret === undefined ? [] : typeof secret === 'string' ? [secret] : [...secret];
  for (const item of list) {
    if (typeof item !== 'string') {
      throw new TerraInvalidArgumentError(
        'secret',
        'The webhook signing secret must be a string or an array of strings.',
      );
    }
  }
  return list.filter((item) => item !== '');
}

/**
 * Checks `terra-signature` headers against one or more signing secrets.
 *
 * The HMAC key of each secret is prepared once and reused, so keep one verifier per configuration.
 */
export class SignatureVerifier {
  readonly toleranceSeconds: number;
  readonly #signers: HmacSha256[];
  readonly #secretHasWhitespace: boolean;

  /** @param options - secrets, tolerance. Invalid tolerances throw immediately. */
  constructor(options: SignatureVerifierOptions = {}) {
    this.toleranceSeconds = resolveTolerance(options.toleranceSeconds);
    const secrets = normaliseSecrets(options.secret);
    this.#signers = secrets.map((secret) => createHmacSha256(secret, options.hmacEngine));
    this.#secretHasWhitespace = secrets.some((secret) => secret.trim() !== secret);
  }

  /** Whether at least one non-empty secret is configured. */
  get hasSecret(): boolean {
    return this.#signers.length > 0;
  }

  /** Throws `missing_secret` unless a secret is configured. */
  assertSecret(): void {
    if (!this.hasSecret) {
      throw new WebhookVerificationError(
        'missing_secret',
        `No webhook signing secret is configured. Pass \`secret\` (new Terra({ secret }) also reads TERRA_WEBHOOK_SECRET); find it in the ${SECRET_LOCATION}.`,
      );
    }
  }

  /**
   * Verifies one delivery: header shape, then the signature in constant time, then the timestamp.
   *
   * @param payload - the raw body (string, `Uint8Array` or `ArrayBuffer`).
   * @param header - the `terra-signature` header value.
   * @param nowMs - the receiver's clock in milliseconds (for deliveries verified after queueing).
   * @throws {@link WebhookVerificationError} with the reason.
   */
  async verify(
    payload: unknown,
    header: string | null | undefined,
    nowMs = Date.now(),
  ): Promise<VerifiedDelivery> {
    this.assertSecret();
    const body = toRawPayload(payload);
    const parsed = parseSignatureHeader(header);
    const prefix = `${parsed.timestampText}.`;
    let matched = false;
    for (const signer of this.#signers) {
      const signed = signer.sign(prefix, body);
      const expected = signed instanceof Uint8Array ? signed : await signed;
      for (const candidate of parsed.signatures) {
        if (constantTimeEqual(expected, candidate)) matched = true;
      }
      if (matched) break;
    }
    if (!matched) throw this.#mismatch(typeof body === 'string');
    checkTimestamp(parsed.timestamp, this.toleranceSeconds, nowMs);
    return { body, timestamp: parsed.timestamp };
  }

  #mismatch(bodyIsString: boolean): WebhookVerificationError {
    const hints = [
      `use the webhook signing secret from the ${SECRET_LOCATION}`,
      'pass the exact raw body Terra sent (re-serialised JSON, changed line endings or a decoded-and-re-encoded body never match)',
    ];
    if (bodyIsString) hints.push('if the body went through a text decoder, pass the bytes instead');
    if (this.#secretHasWhitespace) {
      hints.push(
        'a configured secret starts or ends with whitespace, often a stray newline from an env file',
      );
    }
    return new WebhookVerificationError(
      'signature_mismatch',
      `No v1 signature in the Terra signature header matches the body. Check that you ${hints.join('; ')}.`,
    );
  }
}

/**
 * Throws `timestamp_too_old` or `timestamp_in_future` when a signed `t` is outside the tolerance of `nowMs`.
 * The adapters call it on the header alone, before reading the body; verification calls it again.
 *
 * @throws {@link WebhookVerificationError}
 */
export function checkTimestamp(timestamp: number, toleranceSeconds: number, nowMs: number): void {
  const age = Math.floor(nowMs / 1000) - timestamp;
  if (age > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `The delivery was signed ${age} s ago, beyond the ${toleranceSeconds} s tolerance: a replay, a delivery queued too long, or a wrong server clock. Pass toleranceSeconds to widen it.`,
    );
  }
  if (-age > toleranceSeconds) {
    const unitHint = looksLikeMilliseconds(timestamp)
      ? ' The `t` value looks like milliseconds, not seconds.'
      : '';
    throw new WebhookVerificationError(
      'timestamp_in_future',
      `The delivery is signed ${-age} s in the future, beyond the ${toleranceSeconds} s tolerance: check the server clock.${unitHint}`,
    );
  }
}
