import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSpec } from '../faults/types.js';

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
  /** Fault modes in force for this request (empty when none). */
  fault: FaultSpec;
}
