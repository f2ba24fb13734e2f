import { TerraError } from './terra-error.js';

/**
 * An error body from Terra: RFC 9457 problem details (`application/problem+json`) or the legacy
 * `{ status: 'error', message }` shape. Fields are whatever the body held.
 */
export interface TerraProblem {
  /** Problem type URI, usually `about:blank`. */
  type?: string;
  /** Short summary, the lower-cased status text (e.g. `unauthorized`). */
  title?: string;
  /** The request path and query that failed. */
  instance?: string;
  /** What went wrong this time (e.g. `user not found`). */
  detail?: string;
  /** Legacy bodies: `'error'`. */
  status?: string;
  /** Legacy bodies: the explanation. */
  message?: string;
}

/** What every {@link TerraApiError} is built from. */
export interface TerraApiErrorInit {
  /** The HTTP status. */
  status: number;
  /** The response headers. */
  headers: Headers;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** The problem fields found in the body, if any. */
  problem: TerraProblem | undefined;
  /** `METHOD /path` of the request, for the message. */
  request: string;
}

/**
 * Terra answered with a non-2xx status. Subclasses exist for the statuses Terra documents;
 * other statuses (e.g. 424 provider failure) are a plain `TerraApiError`.
 *
 * @example
 * ```ts
 * try { await terra.fromUserId(id); } catch (e) { if (e instanceof NotFoundError) { ... } }
 * ```
 */
export class TerraApiError extends TerraError {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  /** The problem-details (or legacy) fields of the body. */
  readonly problem: TerraProblem | undefined;
  /** The `terra-reference` response header, to quote to Terra support. */
  readonly reference: string | undefined;

  /**
   * @param init - status, headers, body and problem of the response.
   * @param hint - extra advice appended to the message.
   */
  constructor(init: TerraApiErrorInit, hint?: string) {
    super(describe(init, hint));
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.problem = init.problem;
    this.reference = init.headers.get('terra-reference') ?? undefined;
  }
}

function describe(init: TerraApiErrorInit, hint: string | undefined): string {
  const p = init.problem;
  const explanation = p?.detail ?? p?.message ?? p?.title;
  let text = `Terra answered ${init.status} to ${init.request}`;
  if (explanation) text += `: ${explanation}`;
  if (hint) text += `. ${hint}`;
  return text;
}
