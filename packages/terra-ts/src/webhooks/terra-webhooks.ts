import type { Terra } from '../client/terra.js';
import { WebhookVerificationError } from '../errors/webhook-verification-error.js';
import { createFetchWebhookHandler } from './adapters/fetch.js';
import type { ReceiveDelivery, WebhookHandlerOptions } from './adapters/handle-delivery.js';
import { createNodeWebhookHandler, type NodeResponseLike } from './adapters/node.js';
import { type NodeRequestLike, readNodeRequestBody } from './adapters/node-request.js';
import { getSignatureHeader, type HeadersLike, readDeliveryHeaders } from './delivery-headers.js';
import type { WebhookHandler, WebhookHandlers } from './dispatcher.js';
import { S3PayloadHookResponse } from './events/delivery-events.js';
import type { ParsedWebhookEvent } from './events/index.js';
import { parseWebhookEvent, parseWebhookJson } from './parse.js';
import type { WebhookPayload } from './raw-payload.js';
import { payloadText } from './raw-payload.js';
import { fetchS3Payload } from './s3-payload.js';
import { SignatureVerifier, type SignatureVerifierOptions } from './verify.js';
import { TerraWebhookResponse } from './webhook-response.js';

/** Options of {@link TerraWebhooks}. */
export interface TerraWebhooksOptions extends SignatureVerifierOptions {
  /** The `fetch` used to download `s3_payload` links. Default: the global one. */
  fetch?: typeof fetch | undefined;
  /** Binds users in parsed events to this client (set by `Terra`). */
  client?: Terra | undefined;
}

/**
 * Verifies, parses and routes Terra webhooks. Runs anywhere with WebCrypto (Node, Bun, Deno, Workers).
 * `new Terra({ secret })` creates one as `terra.webhooks`; create one directly when a server only receives webhooks.
 *
 * @example
 * ```ts
 * const webhooks = new TerraWebhooks({ secret: process.env.TERRA_WEBHOOK_SECRET });
 * export const POST = webhooks.fetchHandler({ sleep: (event) => saveSleep(event.data) });
 * ```
 */
export class TerraWebhooks {
  /** The accepted clock difference, in seconds. */
  readonly toleranceSeconds: number;
  readonly #verifier: SignatureVerifier;
  readonly #fetch: typeof fetch | undefined;
  readonly #client: Terra | undefined;

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
    return this.handleWebhook((await readNodeRequestBody(req)) as WebhookPayload, undefined, req.headers);
  }

  /**
   * A Fetch API endpoint `(request) => Promise<Response>` (Next.js, Hono, Workers, Bun, Deno).
   *
   * @param handlers - `{ sleep: (event) => ..., auth: ... }` or one function for every event.
   * @throws {@link WebhookVerificationError} `missing_secret` now, rather than on every delivery.
   */
  fetchHandler(
    handlers: WebhookHandlers | WebhookHandler,
    options?: WebhookHandlerOptions,
  ): (request: Request) => Promise<Response> {
    this.#verifier.assertSecret();
    return createFetchWebhookHandler(this.#receiver(options), handlers, options);
  }

  /**
   * A Node endpoint `(req, res) => Promise<void>` (node:http, Express, Fastify).
   *
   * @param handlers - `{ sleep: (event) => ..., auth: ... }` or one function for every event.
   * @throws {@link WebhookVerificationError} `missing_secret` now, rather than on every delivery.
   */
  nodeHandler(
    handlers: WebhookHandlers | WebhookHandler,
    options?: WebhookHandlerOptions,
  ): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
    this.#verifier.assertSecret();
    return createNodeWebhookHandler(this.#receiver(options), handlers, options);
  }

  /** Downloads an `s3_payload` event's data with the configured `fetch` and parses it. See {@link fetchS3Payload}. */
  fetchS3Payload(
    event: { readonly url: string },
    options: { signal?: AbortSignal } = {},
  ): Promise<ParsedWebhookEvent> {
    return fetchS3Payload(event, { ...options, fetch: this.#fetch, client: this.#client });
  }

  #receiver(options: WebhookHandlerOptions | undefined): ReceiveDelivery {
    return async (payload, headers) => {
      const delivery = await this.handleWebhook(payload as WebhookPayload, undefined, headers);
      if (!options?.resolveS3Payloads || !(delivery.event instanceof S3PayloadHookResponse)) return delivery;
      const event = await this.fetchS3Payload(delivery.event);
      return new TerraWebhookResponse(event.json as Record<string, unknown>, event, delivery.delivery);
    };
  }
}
