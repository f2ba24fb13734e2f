/** The headers terra-ts puts its API key and developer ID in. */
const CREDENTIAL_HEADERS = ['x-api-key', 'dev-id'] as const;

/**
 * Stand-ins for the API key and developer ID of a client that calls only Terra's public endpoints.
 * terra-ts refuses to build a client without both, yet `GET /integrations` needs neither; these only satisfy
 * the constructor, and {@link withoutCredentialHeaders} removes them from every request before it is traced,
 * printed or sent, so they never reach the wire or the output.
 */
export const PLACEHOLDER_CREDENTIALS = {
  apiKey: 'terra-cli-placeholder-api-key',
  devId: 'terra-cli-placeholder-dev-id',
} as const;

/**
 * Wraps fetch so that no request carries `x-api-key` or `dev-id`. Placed between the SDK and the tracing fetch,
 * so `--show-headers` and `--dry-run` show the request exactly as it goes out.
 */
export function withoutCredentialHeaders(fetchImpl: typeof fetch): typeof fetch {
  return (input, init) => {
    // init.headers wins over a Request's own headers in fetch, so a copy of whichever applies replaces both.
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    for (const name of CREDENTIAL_HEADERS) headers.delete(name);
    return fetchImpl(input, { ...init, headers });
  };
}
