import { Deadline } from '../deadline.js';
import { readLimitedText } from './read-body.js';
import { AttemptTimedOut, type Transport } from './transport.js';

/**
 * The portable transport: any standard `fetch` (global, undici, a test double of the caller's). The
 * per-attempt deadline's signal goes to `fetch`, so a timeout fails the request and its body read at once
 * and closes the connection. Redirects are not followed: a 3xx reaches the caller as an error, and the API
 * key never travels to another host. The body is read at most `maxResponseBytes` (decoded) far.
 */
export function createFetchTransport(fetchImpl: typeof fetch): Transport {
  return async ({ url, method, headers, body, timeoutMs, signal, maxResponseBytes }) => {
    const deadline = new Deadline(timeoutMs, signal);
    try {
      const res = await fetchImpl(url, {
        method,
        headers,
        body,
        signal: deadline.signal,
        redirect: 'manual',
      });
      return { status: res.status, headers: res.headers, text: await readLimitedText(res, maxResponseBytes) };
    } catch (error) {
      if (deadline.fired && !signal?.aborted) throw new AttemptTimedOut();
      throw error;
    } finally {
      deadline.clear();
    }
  };
}
