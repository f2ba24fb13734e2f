import { FORWARDED_HEADERS, type RawDelivery } from './delivery.js';

/** How long a forward target gets to answer, like Terra's own delivery timeout ceiling. */
const FORWARD_TIMEOUT_MS = 30_000;

/**
 * Re-sends a delivery unchanged (same bytes, same signature headers) to another URL, so the app behind it can verify
 * it exactly as if Terra had sent it. Resolves to the status, or to the error text when it could not be sent.
 */
export async function forwardDelivery(
  fetchImpl: typeof fetch,
  url: string,
  delivery: RawDelivery,
): Promise<{ status: number | null; error: string | null }> {
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = delivery.headers[name];
    if (value !== undefined) headers.set(name, value);
  }
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body: delivery.body,
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return { status: response.status, error: null };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    return { status: null, error: cause ?? (error instanceof Error ? error.message : String(error)) };
  }
}
