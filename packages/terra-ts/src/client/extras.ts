import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import type { ClientConfig } from './config.js';
import type { RequestOptions } from './options.js';
import { buildQuery, type QueryValue } from './query.js';
import type { RequestSpec } from './request-spec.js';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CREDENTIAL_HEADERS = new Set(['x-api-key', 'dev-id']);

/**
 * Extra headers (per call, or set by a hook) checked and with lower-cased names: each name an HTTP token,
 * each value a string without a line break or NUL, and neither credential header, which only the client sets.
 *
 * @throws {@link TerraInvalidArgumentError} naming `what`.
 */
export function checkHeaders(headers: unknown, what: string): Record<string, string> {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new TerraInvalidArgumentError(
      'headers',
      `${what} must be an object of header names to string values`,
    );
  }
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) {
      throw new TerraInvalidArgumentError(
        'headers',
        `${what}: ${JSON.stringify(name)} is not a valid header name`,
      );
    }
    if (CREDENTIAL_HEADERS.has(lower)) {
      throw new TerraInvalidArgumentError(
        'headers',
        `${what} cannot set ${lower}: the client sends its own apiKey and devId (pass them to new Terra() instead)`,
      );
    }
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) {
      throw new TerraInvalidArgumentError(
        'headers',
        `${what}: the value of ${lower} must be a string without line breaks; got ${typeof value === 'string' ? 'one with a line break' : `a ${typeof value}`}`,
      );
    }
    checked[lower] = value;
  }
  return checked;
}

/** The headers of a request without the credentials, as hooks see them. */
export function withoutCredentials(headers: Readonly<Record<string, string>>): Record<string, string> {
  const visible: Record<string, string> = {};
  for (const name in headers) if (!CREDENTIAL_HEADERS.has(name)) visible[name] = headers[name] as string;
  return visible;
}

/**
 * A call's URL, headers and body with its `headers`, `extraQuery` and `extraBody` options added: extra query
 * parameters after the call's own, extra headers over the defaults (the credentials stay the client's), extra
 * body fields over the call's own object body, or appended to an upload's form.
 *
 * @throws {@link TerraInvalidArgumentError} for malformed extras, or `extraBody` on a call without an object body.
 */
export function withExtras(
  config: ClientConfig,
  spec: RequestSpec,
  label: string,
  url: string,
  options: RequestOptions,
): { url: string; headers: Readonly<Record<string, string>>; body: unknown } {
  let fullUrl = url;
  if (options.extraQuery !== undefined) {
    const extra = plainObject(options.extraQuery, 'extraQuery');
    for (const [name, value] of Object.entries(extra)) {
      if (value !== undefined && !['string', 'number', 'boolean'].includes(typeof value)) {
        throw new TerraInvalidArgumentError(
          'extraQuery',
          `extraQuery.${name} must be a string, number or boolean; got a ${typeof value}`,
        );
      }
    }
    const query = buildQuery(extra as Record<string, QueryValue>);
    if (query !== '') fullUrl += `${url.includes('?') ? '&' : '?'}${query}`;
  }
  const headers =
    options.headers === undefined
      ? config.headers
      : { ...config.headers, ...checkHeaders(options.headers, 'headers'), ...config.credentialHeaders };
  let body = spec.body;
  if (options.extraBody !== undefined) {
    const extra = plainObject(options.extraBody, 'extraBody');
    if (body instanceof FormData) {
      for (const [name, value] of Object.entries(extra)) {
        if (value !== undefined) body.append(name, value instanceof Blob ? value : String(value));
      }
    } else if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      body = { ...body, ...extra };
    } else {
      throw new TerraInvalidArgumentError(
        'extraBody',
        `${label} sends no JSON object body, so extraBody has nowhere to go; pass extraQuery for query parameters`,
      );
    }
  }
  return { url: fullUrl, headers, body };
}

function plainObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TerraInvalidArgumentError(name, `${name} must be an object of field names to values`);
  }
  return value as Record<string, unknown>;
}
