import type { Terra } from '../client/terra.js';
import { TerraApiError } from '../errors/terra-api-error.js';
import { TerraConnectionError } from '../errors/terra-connection-error.js';
import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { TerraResponseParseError } from '../errors/terra-response-parse-error.js';
import type { ParsedWebhookEvent } from './events/index.js';
import { parseWebhookEvent } from './parse.js';

/** Options of {@link fetchS3Payload}. */
export interface FetchS3PayloadOptions {
  /** The `fetch` to use. Default: the `client`'s configured one, else the global one. */
  fetch?: typeof fetch | undefined;
  /** Cancels the download. */
  signal?: AbortSignal | undefined;
  /** Binds the users in the downloaded event to this client, and downloads with its `fetch` unless `fetch` is given. */
  client?: Terra | undefined;
}

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
 * @example
 * ```ts
 * if (event.type === 's3_payload') event = await fetchS3Payload(event, { client: terra });
 * ```
 * @throws {@link TerraInvalidArgumentError} for a URL that is not https;
 *   {@link TerraApiError} when the download answers non-2xx (an expired URL answers 400 or 403);
 *   {@link TerraConnectionError} when it cannot be reached; {@link TerraResponseParseError} for a body that is
 *   not a JSON object.
 */
export async function fetchS3Payload(
  event: { readonly url: string },
  options: FetchS3PayloadOptions = {},
): Promise<ParsedWebhookEvent> {
  const url = checkedUrl(event?.url);
  const doFetch = options.fetch ?? options.client?.webhooks.s3PayloadOptions.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(url, { method: 'GET', signal: options.signal ?? null });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new TerraConnectionError(`Could not download the s3_payload from ${describeUrl(url)}.`, {
      cause: error,
    });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new TerraApiError(
      {
        status: response.status,
        headers: response.headers,
        body: text,
        problem: undefined,
        request: `GET ${describeUrl(url)}`,
      },
      'Pre-signed payload URLs expire after `expires_in` seconds; download them as soon as the webhook arrives, or request the data again.',
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
