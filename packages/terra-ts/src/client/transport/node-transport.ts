import { BodyBytes } from './body-bytes.js';
import type { ByteStream, IncomingResponse, NodeModules, OutgoingRequest } from './node-modules.js';
import { bodyHeaders, RawHeadersResponse } from './raw-response.js';
import { requestTargets } from './request-target.js';
import {
  AttemptTimedOut,
  type ReceivedResponse,
  ResponseTooLarge,
  ReusedConnectionClosed,
  type Transport,
} from './transport.js';

// Idle keep-alive sockets close after this long, before most servers' own idle timeouts (Node's 5 s,
// load balancers' 60 s) can race a new request onto a socket being closed.
const IDLE_SOCKET_MS = 4_000;

const ACCEPT_ENCODING = 'gzip, deflate, br';

const encoder = new TextEncoder();

/**
 * The Node transport: `node:http`/`node:https` with keep-alive agents, the way Stripe's Node client
 * talks to its API. A small call costs about two thirds of the CPU of undici's `fetch` or less (BENCHMARKS.md).
 * It keeps `fetch`'s contract: gzip/deflate/br bodies decoded, a UTF-8 BOM dropped, redirects not
 * followed, the connection torn down when the attempt times out or the caller aborts, and a body cut
 * short by the server is an error, never a short text. At most `maxResponseBytes` decoded bytes are read:
 * past them the decompressor and the socket are destroyed and the attempt rejects with {@link ResponseTooLarge}. A reset on a reused keep-alive socket before any
 * answer rejects with {@link ReusedConnectionClosed}.
 */
export function createNodeTransport({ http, https, zlib, buffer }: NodeModules): Transport {
  const allocateUnsafe = (length: number) => buffer.Buffer.allocUnsafe(length);
  const agentOptions = { keepAlive: true, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' as const };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const targetOf = requestTargets();
  // The request loop passes the same few header objects on every call (the client's, or its JSON variant):
  // each is merged with accept-encoding once, not copied per request. node:http only reads them.
  const withEncoding = new WeakMap<object, Record<string, string>>();
  const headersFor = (headers: Readonly<Record<string, string>>) => {
    let merged = withEncoding.get(headers);
    if (merged === undefined) {
      merged = { ...headers, 'accept-encoding': ACCEPT_ENCODING };
      withEncoding.set(headers, merged);
    }
    return merged;
  };

  return (attempt) =>
    new Promise<ReceivedResponse>((resolvePromise, rejectPromise) => {
      // Dropped once settled: the socket keeps this request's listeners (and through them `settle`) a little
      // longer, and must not keep the resolved promise, which holds the whole body text, alive with them.
      let resolve: typeof resolvePromise | undefined = resolvePromise;
      let reject: typeof rejectPromise | undefined = rejectPromise;
      const target = targetOf(attempt.url);
      const secure = target.protocol === 'https:';
      const module = secure ? https : http;
      const agent = secure ? httpsAgent : httpAgent;
      const bytes = typeof attempt.body === 'string' ? encoder.encode(attempt.body) : undefined;
      const headers: Record<string, string | number> =
        bytes === undefined
          ? headersFor(attempt.headers)
          : { ...attempt.headers, 'accept-encoding': ACCEPT_ENCODING, 'content-length': bytes.length };
      const options = {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        method: attempt.method,
        headers,
        agent,
      };
      const { signal } = attempt;
      const maxBytes = attempt.maxResponseBytes;
      let request: OutgoingRequest | undefined;
      let settled = false;

      const settle = (error: unknown, response?: ReceivedResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const [onResolve, onReject] = [resolve, reject];
        resolve = undefined;
        reject = undefined;
        if (response !== undefined) {
          onResolve?.(response);
        } else {
          request?.destroy();
          onReject?.(error);
        }
      };
      const onAbort = () => settle(signal?.reason);
      const timer = setTimeout(() => settle(new AttemptTimedOut()), attempt.timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });

      const readBody = (res: IncomingResponse) => {
        const announced = bodyHeaders(res.rawHeaders);
        const decoded = decodedStream(res, announced.encoding, zlib);
        // Every stream keeps an error listener for good (settle ignores late calls): an 'error' event with
        // none would be thrown out of the event loop, past this call's promise.
        decoded.on('error', settle);
        if (decoded !== res) res.on('error', settle);
        res.on('aborted', () => settle(cutShort()));
        const expected = decoded === res ? announced.length : undefined;
        if (expected !== undefined && expected > maxBytes) return settle(new ResponseTooLarge(maxBytes));
        const body = new BodyBytes(expected, allocateUnsafe);
        decoded.on('data', (chunk) => {
          if (settled) return;
          if (body.length + chunk.length > maxBytes) {
            body.clear();
            // Stops the decompressor at once (a small brotli answer can inflate to gigabytes) and the socket.
            if (decoded !== res) decoded.destroy();
            settle(new ResponseTooLarge(maxBytes));
            return;
          }
          body.push(chunk);
        });
        decoded.on('end', () => {
          if (settled) return;
          if (!res.complete) {
            body.clear();
            return settle(cutShort());
          }
          try {
            // The bytes are let go of here, before the caller parses the text: the listeners outlive the call a little (see above).
            const text = body.text();
            settle(undefined, new RawHeadersResponse(res.statusCode ?? 0, res.rawHeaders, text));
          } catch (error) {
            body.clear();
            settle(error);
          }
        });
      };

      let req: OutgoingRequest;
      try {
        req = module.request(options);
      } catch (error) {
        // node:http refuses some input at once (a header value it cannot send); the timer must not outlive it.
        settle(error);
        return;
      }
      request = req;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        try {
          readBody(res);
        } catch (error) {
          res.on('error', () => {});
          settle(error);
        }
      });
      req.on('error', (error) => {
        // A kept-alive socket the server closed while it sat idle (or as this request arrived): the
        // request loop may send it again at once, without backoff, if it is safe to repeat.
        settle(
          !answered && req.reusedSocket && error.code === 'ECONNRESET'
            ? new ReusedConnectionClosed(error)
            : error,
        );
      });
      req.end(bytes);
    });
}

function decodedStream(
  res: IncomingResponse,
  encoding: string | undefined,
  zlib: NodeModules['zlib'],
): ByteStream {
  if (encoding === undefined) return res;
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

function cutShort(): Error {
  return Object.assign(new Error('the connection closed before the whole body arrived'), {
    code: 'ECONNRESET',
  });
}
