import { STATUS_CODES } from 'node:http';

/** RFC 9457 problem details, as Terra sends them. */
export interface Problem {
  type: string;
  title: string;
  instance: string;
  detail?: string;
}

/** Builds a problem body: `title` is the lower-cased status text, `instance` the request path and query. */
export function problemBody(status: number, instance: string, detail?: string): Problem {
  const title = (STATUS_CODES[status] ?? 'error').toLowerCase();
  const body: Problem = { type: 'about:blank', title, instance };
  if (detail !== undefined) body.detail = detail;
  return body;
}

/**
 * Thrown by handlers to answer with a problem+json error. The router turns it into the response,
 * so handlers can validate input in small functions without threading `res` through them.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly detail: string;
  readonly headers: Record<string, string>;

  constructor(status: number, detail: string, headers: Record<string, string> = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.detail = detail;
    this.headers = headers;
  }
}

/** 400 with a detail saying what was wrong. */
export const badRequest = (detail: string): HttpProblem => new HttpProblem(400, detail);
/** 404 with a detail naming what was not found. */
export const notFound = (detail: string): HttpProblem => new HttpProblem(404, detail);
