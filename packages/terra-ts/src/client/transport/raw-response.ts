import type { ReceivedResponse } from './transport.js';

/**
 * A node:http answer as the request loop sees it. Its `Headers` are built from the raw header lines when
 * first read: a small call's caller rarely reads them, and building them (a validated append per line)
 * is a measurable share of the call's CPU.
 */
export class RawHeadersResponse implements ReceivedResponse {
  readonly status: number;
  readonly text: string;
  #raw: readonly string[] | undefined;
  #headers: Headers | undefined;

  /**
   * @param status - the HTTP status.
   * @param raw - node:http's `rawHeaders`: name, value, name, value...
   * @param text - the body text.
   */
  constructor(status: number, raw: readonly string[], text: string) {
    this.status = status;
    this.#raw = raw;
    this.text = text;
  }

  /** The response headers, built on first use. */
  get headers(): Headers {
    if (this.#headers === undefined) {
      const raw = this.#raw ?? [];
      this.#headers = new Headers();
      for (let i = 0; i + 1 < raw.length; i += 2)
        this.#headers.append(raw[i] as string, raw[i + 1] as string);
      this.#raw = undefined;
    }
    return this.#headers;
  }
}

/** What the body reader needs from the headers: its encoding and announced length. */
export interface BodyHeaders {
  /** `content-encoding`, repeated values joined by `, ` as node:http joins them; undefined when absent. */
  readonly encoding: string | undefined;
  /** `content-length` as a number (node:http has already refused one that is not a count). */
  readonly length: number | undefined;
}

/**
 * Reads {@link BodyHeaders} off the raw header lines, without node:http's `res.headers` object (which
 * would parse every line into it on first access).
 */
export function bodyHeaders(raw: readonly string[]): BodyHeaders {
  let encoding: string | undefined;
  let length: number | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === 16 && name.toLowerCase() === 'content-encoding') {
      const value = raw[i + 1] as string;
      encoding = encoding === undefined ? value : `${encoding}, ${value}`;
    } else if (name.length === 14 && name.toLowerCase() === 'content-length') {
      const value = Number(raw[i + 1]);
      if (Number.isSafeInteger(value) && value >= 0) length = value;
    }
  }
  return { encoding, length };
}
