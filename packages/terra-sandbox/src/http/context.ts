import type { IncomingMessage, ServerResponse } from 'node:http';

/** Everything a route handler needs about one request. */
export interface RequestContext {
  /** The raw Node request. */
  readonly req: IncomingMessage;
  /** The raw Node response. Prefer the helpers in `http/respond.ts`, which honour fault modes. */
  readonly res: ServerResponse;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path with the API prefix (`/v2` or `/api/v2`) removed for API routes, as requested otherwise. */
  readonly path: string;
  /** Path and query exactly as requested; used as the problem+json `instance`. */
  readonly rawUrl: string;
  /** Parsed query string. */
  readonly query: URLSearchParams;
  /** Values of `:name` segments of the matched route. */
  params: Record<string, string>;
  /** Body fault modes in force for this request (empty when none); `send` applies them. */
  fault: BodyFaults;
}

/** Fault modes that change how a response body is written (set per request by the fault layer). */
export interface BodyFaults {
  /** Send only the first half of the body (with a matching Content-Length). */
  truncate?: boolean;
  /** Replace the body with plain text that is not JSON. */
  nonJson?: boolean;
  /** Replace the body with an HTML error page, as a misconfigured proxy would. */
  html?: boolean;
  /** Trickle the body out over this many milliseconds. */
  slowBodyMs?: number;
}
