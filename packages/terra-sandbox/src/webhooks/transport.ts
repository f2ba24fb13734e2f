import http from 'node:http';
import https from 'node:https';

/** What the receiver did with one POST. */
export type PostOutcome = { ok: true; status: number } | { ok: false; status?: number; error: string };

// As many sockets per receiver as deliveries may be in flight (webhookConcurrency, at most 64).
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POSTs one webhook body. Any 2xx is success; anything else, a timeout or a connection error is a
 * failure with a reason worth showing on the dashboard.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ ok: false, error: `webhook URL is not a valid URL: ${url}` });
      return;
    }
    const isHttps = target.protocol === 'https:';
    if (!isHttps && target.protocol !== 'http:') {
      resolve({ ok: false, error: `webhook URL must be http or https, got ${target.protocol}` });
      return;
    }
    const payload = Buffer.from(body);
    const request = (isHttps ? https : http).request(target, {
      method: 'POST',
      agent: isHttps ? httpsAgent : httpAgent,
      headers: { ...headers, 'content-length': String(payload.length) },
    });
    let settled = false;
    const settle = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      settle({ ok: false, error: `timed out after ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      // Drain so the keep-alive socket can be reused.
      response.resume();
      response.on('end', () => {
        if (status >= 200 && status < 300) settle({ ok: true, status });
        else settle({ ok: false, status, error: `receiver answered ${status}` });
      });
      response.on('error', (err) => settle({ ok: false, status, error: err.message }));
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      settle({ ok: false, error: `connection error: ${err.code ?? err.message}` });
    });
    request.end(payload);
  });
}
