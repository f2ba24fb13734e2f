import { MAX_TIMER_MS, optionalInteger } from '../../client/arguments.js';
import { Deadline } from '../../client/deadline.js';
import { readLimitedText } from '../../client/transport/read-body.js';
import { ResponseTooLarge } from '../../client/transport/transport.js';
import { TerraApiError } from '../../errors/terra-api-error.js';
import { TerraConnectionError } from '../../errors/terra-connection-error.js';
import { TerraInvalidArgumentError } from '../../errors/terra-invalid-argument-error.js';
import { TerraResponseParseError } from '../../errors/terra-response-parse-error.js';
import { DEFAULT_MAX_RESPONSE_BYTES, responseTooLarge } from '../../errors/terra-response-too-large-error.js';
import { TerraTimeoutError } from '../../errors/terra-timeout-error.js';
import type { UserClient } from '../../user.js';
import type { ParsedWebhookEvent } from './index.js';
import { parseWebhookEvent } from './parse.js';

/** Options of {@link fetchS3Payload}. */
export interface FetchS3PayloadOptions {
  /** The `fetch` to use. Default: the `client`'s configured one, else the global one. */
  fetch?: typeof fetch | undefined;
  /** Cancels the download. */
  signal?: AbortSignal | undefined;
  /** Binds the users in the downloaded event to this client, and downloads with its `fetch` unless `fetch` is given. */
  client?: S3PayloadClient | undefined;
  /**
   * The whole download's time limit (answer and body), in milliseconds. Default 30 000
   * ({@link DEFAULT_S3_PAYLOAD_TIMEOUT_MS}); past it the download is aborted with a `TerraTimeoutError`.
   */
  timeoutMs?: number | undefined;
  /**
   * The most decoded bytes read from the payload. Default: the client's `maxResponseBytes`, else 256 MiB
   * (`DEFAULT_MAX_RESPONSE_BYTES`); past it the download stops with a `TerraResponseTooLargeError`.
   */
  maxResponseBytes?: number | undefined;
}

/**
 * The client {@link fetchS3Payload} binds users to: a `Terra` client, whose `webhooks` also lend the download
 * their `fetch` and size limit, or any other {@link UserClient}.
 */
export type S3PayloadClient = UserClient & {
  /** The webhooks of a `Terra` client. */
  readonly webhooks?: { readonly s3PayloadOptions: FetchS3PayloadOptions };
};

/**
 * How long an `s3_payload` download may take by default, in milliseconds: 30 s. Terra's payloads are tens
 * of megabytes at most, seconds of transfer from S3; the limit keeps a hanging download from holding a
 * webhook request (and Terra's delivery) open.
 */
export const DEFAULT_S3_PAYLOAD_TIMEOUT_MS = 30_000;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

// The URL's query is a pre-signed credential: errors name the host and path only.
function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function checkedUrl(text: unknown): URL {
  let url: URL;
  try {
    url = new URL(String(text));
  } catch {
    throw new TerraInvalidArgumentError('url', 'The s3_payload event has no valid `url` to download.');
  }
  // Plain http is allowed only to this machine, where a local sandbox serves payloads.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new TerraInvalidArgumentError(
      'url',
      `Refusing to download an s3_payload from ${url.protocol}//${url.host}: only https URLs are fetched.`,
    );
  }
  return url;
}

/**
 * Downloads the payload an `s3_payload` webhook points to and parses it as the data event it stands
 * for (a `sleep` {@link DataReturned}, an athlete, ...). Call it before the URL's `expires_in` runs out.
 *
 * Redirects are never followed (a pre-signed S3 URL answers directly; a 3xx is a {@link TerraApiError}), the
 * download has a time limit (`timeoutMs`) and a size limit on the decoded body (`maxResponseBytes`).
 *
 * @example
 * ```ts
 * if (event.type === 's3_payload') event = await fetchS3Payload(event, { client: terra });
 * ```
 * @throws {@link TerraInvalidArgumentError} for a URL that is not https or a bad option;
 *   {@link TerraApiError} when the download answers non-2xx (an expired URL answers 400 or 403; a redirect 3xx);
 *   {@link TerraTimeoutError} past `timeoutMs`; {@link TerraResponseTooLargeError} past `maxResponseBytes`;
 *   {@link TerraConnectionError} when it cannot be reached; {@link TerraResponseParseError} for a body that is
 *   not a JSON object. The caller's abort rejects with the signal's reason.
 */
export async function fetchS3Payload(
  event: { readonly url: string },
  options: FetchS3PayloadOptions = {},
): Promise<ParsedWebhookEvent> {
  const url = checkedUrl(event?.url);
  const timeoutMs =
    optionalInteger(options.timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS) ?? DEFAULT_S3_PAYLOAD_TIMEOUT_MS;
  const maxBytes =
    optionalInteger(options.maxResponseBytes, 'maxResponseBytes', 1) ??
    options.client?.webhooks?.s3PayloadOptions.maxResponseBytes ??
    DEFAULT_MAX_RESPONSE_BYTES;
  const doFetch = options.fetch ?? options.client?.webhooks?.s3PayloadOptions.fetch ?? globalThis.fetch;
  const where = describeUrl(url);
  const deadline = new Deadline(timeoutMs, options.signal);
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, { method: 'GET', signal: deadline.signal, redirect: 'manual' });
    text = await readLimitedText(response, maxBytes);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (deadline.fired) {
      throw new TerraTimeoutError(
        `The s3_payload download from ${where} took longer than ${timeoutMs} ms; it was aborted. Raise timeoutMs if the payload is large and the network slow.`,
        timeoutMs,
      );
    }
    if (error instanceof ResponseTooLarge) throw responseTooLarge(`GET ${where}`, maxBytes);
    throw new TerraConnectionError(`Could not download the s3_payload from ${where}.`, { cause: error });
  } finally {
    deadline.clear();
  }
  if (!response.ok) {
    const redirect = response.status >= 300 && response.status < 400;
    throw new TerraApiError(
      {
        status: response.status,
        headers: response.headers,
        body: text.slice(0, 1000),
        problem: undefined,
        request: `GET ${where}`,
      },
      redirect
        ? 'terra-ts does not follow redirects for s3_payload downloads (a pre-signed S3 URL answers directly); request the data again'
        : 'Pre-signed payload URLs expire after `expires_in` seconds; download them as soon as the webhook arrives, or request the data again.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TerraResponseParseError(
      `The s3_payload at ${describeUrl(url)} is not JSON.`,
      response.status,
      text.slice(0, 300),
      { cause: error },
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new TerraResponseParseError(
      `The s3_payload at ${describeUrl(url)} is JSON but not an object.`,
      response.status,
      text.slice(0, 300),
    );
  }
  return parseWebhookEvent(json, options.client);
}
