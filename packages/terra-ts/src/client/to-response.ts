import { TerraError } from '../errors/terra-error.js';
import { TerraResponseParseError } from '../errors/terra-response-parse-error.js';
import { TerraApiResponse } from './api-response.js';
import type { ClientConfig } from './config.js';
import type { ParseBody, RequestSpec } from './request-spec.js';
import type { ReceivedResponse } from './transport/transport.js';

const EXCERPT_LENGTH = 200;

/**
 * Bodies up to this many characters keep their text as `rawBody`. A larger one lets its text go once parsed:
 * a caller holding the response would otherwise keep the data twice (a month of activity with samples runs
 * to tens of MB), and `rawBody` serialises the parsed JSON on demand instead.
 */
export const RAW_BODY_KEPT_UP_TO = 1024 * 1024;

/**
 * Turns a 2xx body into a {@link TerraApiResponse}: one `JSON.parse` of the text, then the endpoint's class
 * around that same object. Anything that is not the JSON Terra sends becomes a {@link TerraResponseParseError}.
 */
export function toResponse<T>(
  res: ReceivedResponse,
  spec: RequestSpec,
  parse: ParseBody<T>,
  config: ClientConfig,
  label: string,
): TerraApiResponse<T> {
  const { text } = res;
  let json: unknown;
  if (text === '') {
    if (!spec.allowEmptyBody) {
      throw new TerraResponseParseError(
        `${label} answered ${res.status} with an empty body where Terra sends JSON; check baseUrl points at Terra's API`,
        res.status,
        '',
      );
    }
  } else {
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new TerraResponseParseError(
        `${label} answered ${res.status} with a body that is not JSON: ${notJsonHint(text)}`,
        res.status,
        excerpt(text, config),
        { cause: config.redactor.cause(error) },
      );
    }
  }
  let parsed: T;
  try {
    parsed = parse(json, res.status);
  } catch (error) {
    if (error instanceof TerraError) throw error;
    throw new TerraResponseParseError(
      `${label} answered ${res.status} with JSON of an unexpected shape (${config.redactor.text(String((error as Error)?.message))}); the API may have changed, or baseUrl points at another service`,
      res.status,
      excerpt(text, config),
      { cause: config.redactor.cause(error) },
    );
  }
  const rawBody = text.length <= RAW_BODY_KEPT_UP_TO || json === undefined ? text : undefined;
  // Headers are built when first read (most callers never do); a large body's are built now, so the
  // response does not keep `res`, and through it the body text, alive.
  const headers = rawBody === undefined ? res.headers : () => res.headers;
  return new TerraApiResponse({ status: res.status, headers, rawBody, json, parsed });
}

function notJsonHint(text: string): string {
  const start = text.trimStart();
  if (start.startsWith('<')) {
    return 'it is HTML, usually a proxy or login page or a wrong baseUrl (it should end in /v2)';
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    return 'it is cut short or malformed JSON, usually a connection dropped mid-body; try the call again';
  }
  return 'check that baseUrl points at Terra (it should end in /v2)';
}

// Terra never echoes the key, but a misconfigured proxy might; an error must not carry it either way.
// Redacted before it is cut, so a credential across the cut cannot show in part.
function excerpt(text: string, config: ClientConfig): string {
  const clean = config.redactor.text(
    text.length > 4 * EXCERPT_LENGTH ? text.slice(0, 4 * EXCERPT_LENGTH) : text,
  );
  return clean.length > EXCERPT_LENGTH ? `${clean.slice(0, EXCERPT_LENGTH)}…` : clean;
}
