import { optionalInteger } from '../client/arguments.js';
import { WebhookVerificationError } from '../errors/webhook-verification-error.js';
import type { UserClient } from '../user.js';
import { lazySignedBodySha256, signedBodySha256 } from './delivery/body-hash.js';
import { getSignatureHeader, type HeadersLike, readDeliveryHeaders } from './delivery/delivery-headers.js';
import { type NodeRequestLike, readNodeRequestBody } from './delivery/node-request.js';
import type { WebhookPayload } from './delivery/raw-payload.js';
import { payloadText } from './delivery/raw-payload.js';
import { TerraWebhookResponse } from './delivery/webhook-response.js';
import { parseWebhookEvent, parseWebhookJson } from './events/parse.js';
import type { FetchS3PayloadOptions } from './events/s3-payload.js';
import { precheckDelivery } from './verification/precheck.js';
import { SignatureVerifier, type SignatureVerifierOptions } from './verification/verify.js';

/** Options of {@link TerraWebhooks}. */
export interface TerraWebhooksOptions extends SignatureVerifierOptions {
  /** The `fetch` used to download `s3_payload` links. Default: the global one. */
  fetch?: typeof fetch | undefined;
  /** Binds users in parsed events to this client (set by `Terra`). */
  client?: UserClient | undefined;
  /** The decoded size limit of `s3_payload` downloads (set by `Terra` from its `maxResponseBytes`). Default 256 MiB. */
  maxResponseBytes?: number | undefined;
}

/**
 * Verifies and parses Terra webhooks. Runs anywhere with WebCrypto (Node, Bun, Deno, Workers).
 * `new Terra({ secret })` creates one as `terra.webhooks`; create one directly when a server only receives webhooks.
 * {@link createFetchWebhookHandler} and {@link createNodeWebhookHandler} turn it into an endpoint that routes events.
 *
 * @example
 * ```ts
 * const webhooks = new TerraWebhooks({ secret: process.env.TERRA_WEBHOOK_SECRET });
 * export const POST = createFetchWebhookHandler(webhooks, { sleep: (event) => saveSleep(event.data) });
 * ```
 */
export class TerraWebhooks {
  /** The accepted clock difference, in seconds. */
  readonly toleranceSeconds: number;
  readonly #verifier: SignatureVerifier;
  readonly #fetch: typeof fetch | undefined;
  readonly #client: UserClient | undefined;
  readonly #maxResponseBytes: number | undefined;

  /**
   * @param options - `secret` (one, or several during a rotation), `toleranceSeconds` (default 300,
   *   `Infinity` to skip the timestamp check), `fetch`.
   * @throws {@link TerraInvalidArgumentError} for a tolerance of 0, a negative one, or a non-string secret.
   */
  constructor(options: TerraWebhooksOptions = {}) {
    this.#verifier = new SignatureVerifier(options);
    this.toleranceSeconds = this.#verifier.toleranceSeconds;
    this.#fetch = options.fetch;
    this.#client = options.client;
    this.#maxResponseBytes = optionalInteger(options.maxResponseBytes, 'maxResponseBytes', 1);
  }

  /**
   * Verifies a delivery and parses it (the Python client's `handle_webhook`).
   *
   * @param payload - the raw body exactly as received: a string, `Uint8Array`/`Buffer` or `ArrayBuffer`.
   * @param signatureHeader - the `terra-signature` header; when omitted it is read from `headers`.
   * @param headers - the request headers, for `terra-reference`, `X-Terra-Trace-Id` and `x-terra-ordering-timestamp`.
   * @throws {@link WebhookVerificationError} with a `reason` when the delivery cannot be trusted or read.
   */
  async handleWebhook(
    payload: WebhookPayload,
    signatureHeader?: string | null,
    headers?: HeadersLike,
  ): Promise<TerraWebhookResponse> {
    const header = signatureHeader ?? getSignatureHeader(headers);
    const verified = await this.#verifier.verify(payload, header);
    const json = parseWebhookJson(payloadText(verified.body)) as Record<string, unknown>;
    return new TerraWebhookResponse(
      json,
      parseWebhookEvent(json, this.#client),
      readDeliveryHeaders(headers),
      lazySignedBodySha256(verified.body) ?? (await signedBodySha256(verified.body)),
    );
  }

  /**
   * Whether the signature header is valid for this body (the Python client's `check_terra_signature`,
   * now constant-time and with a timestamp tolerance).
   *
   * @returns `false` for a missing, malformed or non-matching signature or an out-of-tolerance timestamp.
   * @throws {@link WebhookVerificationError} `missing_secret` or `payload_not_raw`: set-up mistakes, not bad deliveries.
   */
  async checkTerraSignature(body: WebhookPayload, header: string | null | undefined): Promise<boolean> {
    try {
      await this.#verifier.verify(body, header);
      return true;
    } catch (error) {
      if (
        error instanceof WebhookVerificationError &&
        error.reason !== 'missing_secret' &&
        error.reason !== 'payload_not_raw'
      ) {
        return false;
      }
      throw error;
    }
  }

  /**
   * Verifies and parses the delivery in a Node request (the Python client's `handle_flask_webhook`):
   * Express with or without `express.raw`, Fastify with a buffer parser, or a bare `IncomingMessage`.
   *
   * @throws {@link WebhookVerificationError} `payload_not_raw` (with the fix) when a JSON parser consumed the body.
   */
  async handleExpressWebhook(req: NodeRequestLike): Promise<TerraWebhookResponse> {
    this.#verifier.assertSecret();
    // A bad header or timestamp fails before a byte of the body is read.
    precheckDelivery(req.headers, this.toleranceSeconds);
    return this.handleWebhook(
      (await readNodeRequestBody(req)) as WebhookPayload,
      getSignatureHeader(req.headers),
      req.headers,
    );
  }

  /**
   * Throws `missing_secret` unless a signing secret is configured. {@link createFetchWebhookHandler} and
   * {@link createNodeWebhookHandler} call it when they build a handler, so the mistake shows at start-up.
   *
   * @throws {@link WebhookVerificationError} `missing_secret`.
   */
  assertSecret(): void {
    this.#verifier.assertSecret();
  }

  /**
   * The `fetch`, client and size limit this instance downloads `s3_payload` links with and binds their users to,
   * shaped as {@link FetchS3PayloadOptions}: `fetchS3Payload(event, webhooks.s3PayloadOptions)`.
   * The handlers' `resolveS3Payloads` uses it.
   */
  get s3PayloadOptions(): FetchS3PayloadOptions {
    return { fetch: this.#fetch, client: this.#client, maxResponseBytes: this.#maxResponseBytes };
  }
}
