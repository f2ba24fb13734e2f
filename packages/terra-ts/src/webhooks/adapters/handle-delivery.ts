import { WebhookVerificationError } from '../../errors/webhook-verification-error.js';
import type { WebhookDeduplicator } from '../dedupe/dedupe.js';
import { webhookDedupeKey } from '../dedupe/dedupe.js';
import type { HeadersLike } from '../delivery/delivery-headers.js';
import type { TerraWebhookResponse } from '../delivery/webhook-response.js';
import { dispatchWebhookEvent, type WebhookHandler, type WebhookHandlers } from '../events/dispatcher.js';

/** Options shared by the Fetch and Node webhook handlers. */
export interface WebhookHandlerOptions {
  /**
   * Runs each delivery once (keyed on the SHA-256 of the signed body, see `webhookDedupeKey`). A duplicate of a handled delivery is answered
   * 200 without calling handlers; one arriving while the first is still running is answered 409, so
   * Terra retries it later.
   */
  dedupe?: WebhookDeduplicator;
  /**
   * Called with every error behind a non-2xx answer: verification failures (with their `reason`) and
   * errors thrown by your handlers. When absent, handler errors and `payload_not_raw` (a set-up mistake)
   * go to `console.error`; verification failures caused by the sender stay quiet.
   */
  onError?: (error: unknown) => void;
  /**
   * Downloads `s3_payload` deliveries and dispatches the data event they stand for (to `sleep`, `activity`, ...)
   * instead of to `s3_payload`. A failed download is answered 502, so Terra delivers again. Default false.
   */
  resolveS3Payloads?: boolean;
  /**
   * With `resolveS3Payloads`, how long the download may take, in milliseconds (default 30 000). A download
   * that hangs or is slower is aborted and the delivery answered 502, so Terra delivers it again.
   */
  s3PayloadTimeoutMs?: number;
  /**
   * The longest body the handler reads from the request stream, in bytes; a longer one is answered 413
   * (`payload_too_large`) without being buffered. Default 100 MiB (Terra's largest deliveries are tens of
   * megabytes); `Infinity` for no limit. A body a framework already buffered is not re-checked.
   */
  maxBodyBytes?: number;
  /**
   * How long the whole body may take to arrive, in milliseconds; a slower one is answered 408
   * (`body_timeout`) and its connection closed. Default 60 000 (`DEFAULT_WEBHOOK_READ_TIMEOUT_MS`).
   */
  readTimeoutMs?: number;
}

/** A framework-neutral view of one incoming request. */
export interface IncomingDelivery {
  method: string | undefined;
  headers: HeadersLike;
  /** Header-only checks, run before the body is read (see `precheckDelivery`). */
  precheck?: () => void;
  readBody(): Promise<unknown>;
}

/** A framework-neutral answer. */
export interface DeliveryAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The request body was not read in full (refused first, too large, too slow): the connection cannot be reused. */
  bodyUnread?: boolean;
}

/** Verifies and parses one delivery (and resolves an `s3_payload` when asked); see `deliveryReceiver`. */
export type ReceiveDelivery = (payload: unknown, headers: HeadersLike) => Promise<TerraWebhookResponse>;

const JSON_HEADERS = { 'content-type': 'application/json' };

function answer(status: number, body: object, headers: Record<string, string> = {}): DeliveryAnswer {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

function statusFor(error: WebhookVerificationError): number {
  switch (error.reason) {
    case 'signature_mismatch':
    case 'timestamp_too_old':
    case 'timestamp_in_future':
      return 401;
    case 'missing_secret':
      return 500;
    case 'payload_too_large':
      return 413;
    case 'body_timeout':
      return 408;
    default:
      return 400;
  }
}

function report(options: WebhookHandlerOptions, error: unknown, setupMistake: boolean): void {
  try {
    if (options.onError) {
      options.onError(error);
    } else if (setupMistake) {
      console.error('[terra-ts] webhook delivery failed:', error);
    }
  } catch {
    // A throwing onError must not turn into an unhandled rejection that takes the server down.
  }
}

function rejected(
  options: WebhookHandlerOptions,
  error: WebhookVerificationError,
  bodyUnread = false,
): DeliveryAnswer {
  report(options, error, error.reason === 'payload_not_raw' || error.reason === 'missing_secret');
  const result = answer(statusFor(error), { error: error.reason, message: error.message });
  if (bodyUnread || error.reason === 'payload_too_large' || error.reason === 'body_timeout') {
    result.bodyUnread = true;
  }
  return result;
}

/**
 * The one request pipeline behind every adapter: method check and header checks (signature header
 * present, at most 4 KiB, well formed, timestamp within tolerance) before any of the body is read, then the
 * raw body (bounded in size and time), verification, parsing, optional de-duplication, dispatch, and the
 * status code that tells Terra whether to retry.
 * 405 non-POST; 400 missing or malformed header or body; 401 bad signature or timestamp; 408 body too slow;
 * 413 body over `maxBodyBytes`; 409 still being handled; 502 an `s3_payload` that could not be downloaded;
 * 500 only when a handler throws.
 */
export async function handleDelivery(
  receive: ReceiveDelivery,
  handlers: WebhookHandlers | WebhookHandler,
  options: WebhookHandlerOptions,
  request: IncomingDelivery,
): Promise<DeliveryAnswer> {
  if (request.method?.toUpperCase() !== 'POST') {
    return {
      ...answer(
        405,
        { error: 'method_not_allowed', message: 'Terra delivers webhooks with POST.' },
        { allow: 'POST' },
      ),
      bodyUnread: true,
    };
  }
  try {
    request.precheck?.();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return rejected(options, error, true);
    throw error;
  }
  let body: unknown;
  try {
    body = await request.readBody();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return rejected(options, error);
    // A sender that disconnects or breaks its stream mid-body: its fault, not a set-up mistake, so quiet.
    report(options, error, false);
    return {
      ...answer(400, { error: 'unreadable_request', message: 'The request body could not be read.' }),
      bodyUnread: true,
    };
  }
  let delivery: TerraWebhookResponse;
  try {
    delivery = await receive(body, request.headers);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return rejected(options, error);
    report(options, error, true);
    return answer(502, {
      error: 'payload_download_failed',
      message: 'The s3_payload could not be downloaded.',
    });
  }
  try {
    const run = () => dispatchWebhookEvent(handlers, delivery);
    const result = options.dedupe ? await options.dedupe.run(webhookDedupeKey(delivery), run) : undefined;
    if (!options.dedupe) await run();
    if (result?.status === 'in_progress') {
      return answer(409, {
        error: 'in_progress',
        message: 'This delivery is already being handled; retry later.',
      });
    }
    return answer(200, result?.status === 'duplicate' ? { ok: true, duplicate: true } : { ok: true });
  } catch (error) {
    report(options, error, true);
    return answer(500, { error: 'handler_failed', message: 'The webhook handler threw; Terra will retry.' });
  }
}
