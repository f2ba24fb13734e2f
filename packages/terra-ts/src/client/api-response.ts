import { parseRateLimit, type RateLimitInfo } from './rate-limit.js';

/** The wire type a parsed class wraps (its `json` field). */
export type JsonOf<T> = T extends { json: infer J } ? J : unknown;

/** What {@link TerraApiResponse} is built from. */
export interface TerraApiResponseInit<T> {
  status: number;
  /** The headers, or a function that builds them when they are first read. */
  headers: Headers | (() => Headers);
  /** The body text; omitted for a body over 1 MiB and for a response merged from chunks (serialised on demand). */
  rawBody: string | undefined;
  json: unknown;
  parsed: T;
  chunks?: readonly TerraApiResponse<T>[];
}

/**
 * The result of every terra-ts call: the HTTP status and headers, the body, and the body parsed
 * into a class with a `kind` discriminant. `getJson()` is the very object `JSON.parse` produced.
 *
 * @typeParam T - the parsed class (or union of classes) for this endpoint.
 * @example
 * ```ts
 * const res = await terra.listProviders();
 * res.status;                        // 200
 * res.getParsedResponse().providers; // ['GARMIN', ...]
 * res.rateLimit.remaining;           // from X-Terra-RateLimit-Remaining
 * ```
 */
export class TerraApiResponse<T> {
  /** HTTP status (of the last chunk, for a merged response). */
  readonly status: number;
  /** For a range terra-ts split into several requests: every chunk's response, in order. */
  readonly chunks: readonly TerraApiResponse<T>[] | undefined;
  #headers: Headers | (() => Headers);
  #rawBody: string | undefined;
  readonly #json: unknown;
  readonly #parsed: T;
  #rateLimit: RateLimitInfo | undefined;

  /** @param init - the response parts (kept by reference). */
  constructor(init: TerraApiResponseInit<T>) {
    this.status = init.status;
    this.#headers = init.headers;
    this.chunks = init.chunks;
    this.#rawBody = init.rawBody;
    this.#json = init.json;
    this.#parsed = init.parsed;
  }

  /** Response headers (of the last chunk, for a merged response). */
  get headers(): Headers {
    if (typeof this.#headers === 'function') this.#headers = this.#headers();
    return this.#headers;
  }

  /**
   * The body text as received. For a body over 1 MiB, whose text is not kept once parsed (so a held response
   * does not cost its data twice), and for a response merged from chunks: the JSON serialised on first use,
   * the same data written compactly.
   */
  get rawBody(): string {
    this.#rawBody ??= this.#json === undefined ? '' : JSON.stringify(this.#json);
    return this.#rawBody;
  }

  /** The parsed JSON body, exactly as `JSON.parse` produced it (undefined for an empty 204 body). */
  getJson(): JsonOf<T> {
    return this.#json as JsonOf<T>;
  }

  /** The body as a parsed class; switch on its `kind`. */
  getParsedResponse(): T {
    return this.#parsed;
  }

  /** Terra's rate-limit budget headers; fields are undefined when Terra did not send them. */
  get rateLimit(): RateLimitInfo {
    this.#rateLimit ??= parseRateLimit(this.headers);
    return this.#rateLimit;
  }

  /** The `terra-reference` header: ties a request to the webhooks it causes; quote it to Terra support. */
  get reference(): string | undefined {
    return this.headers.get('terra-reference') ?? undefined;
  }
}
