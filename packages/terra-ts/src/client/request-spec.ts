import type { EndpointGroup } from './options.js';

/** One endpoint call, as the resources describe it. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  /** Path under the base URL, starting with `/`. */
  path: string;
  /** A query string built by `buildQuery` (no leading `?`). */
  query?: string;
  /** A JSON-serialisable body, or `FormData` for uploads. */
  body?: unknown;
  /** A POST that is safe to send twice (a read such as `/bulkUserInfo`). GET, PATCH and DELETE always are. */
  idempotent?: boolean;
  /** The endpoint answers 204 with no body. */
  allowEmptyBody?: boolean;
  /** A public endpoint (`GET /integrations`): sent without credentials by a client that has none. */
  public?: boolean;
  /** The endpoint group whose own base URL applies (`TerraOptions.baseUrls`); the client's `baseUrl` when absent. */
  group?: EndpointGroup;
}

/** Turns the parsed JSON (undefined for an empty body) into the endpoint's class. */
export type ParseBody<T> = (json: unknown, status: number) => T;
