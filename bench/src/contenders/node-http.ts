import { Agent, type IncomingMessage, request } from 'node:http';
import { authHeaders, type Credentials } from './credentials.js';

/** What the bare loop adds to each request: nothing, or what terra-ts is obliged to do on every call. */
export interface NodeHttpOptions {
  /**
   * Also does, per request, the work terra-ts cannot drop: a per-attempt timer (set, then cleared when the
   * answer is in), the `accept`, `user-agent` and `accept-encoding` headers it sends, a check of the answer's
   * `content-type` and a response object wrapping the parsed body. The URL is parsed once, as terra-ts does.
   */
  readonly obligations?: boolean;
}

/** A parsed answer with what terra-ts keeps of it: the status, the raw headers and the body. */
class WrappedAnswer {
  constructor(
    readonly status: number,
    readonly rawHeaders: readonly string[],
    readonly body: unknown,
  ) {}
}

/**
 * GET with `node:http` and a keep-alive agent: no fetch layer at all. The floor for a Node transport,
 * which terra-ts's default on Node is; no client that goes through global `fetch` can reach it.
 */
export function nodeHttpJson(
  credentials: Credentials,
  { obligations = false }: NodeHttpOptions = {},
): {
  get: (pathAndQuery: string) => Promise<unknown>;
  close: () => void;
} {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const headers: Record<string, string> = obligations
    ? {
        ...authHeaders(credentials),
        accept: 'application/json',
        'user-agent': 'terra-ts/0.0.0',
        'accept-encoding': 'gzip, deflate, br',
      }
    : authHeaders(credentials);
  const base = new URL(credentials.baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  const target = (pathAndQuery: string) =>
    obligations
      ? { hostname: base.hostname, port: base.port, path: prefix + pathAndQuery, agent, headers }
      : credentials.baseUrl + pathAndQuery;
  const get = (pathAndQuery: string) =>
    new Promise<unknown>((resolve, reject) => {
      const timer = obligations ? setTimeout(() => req.destroy(new Error('timed out')), 60_000) : undefined;
      const onAnswer = (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          if (res.statusCode !== 200)
            return reject(new Error(`node:http: ${res.statusCode} for ${pathAndQuery}`));
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (!obligations) return resolve(body);
          if (!String(res.headers['content-type']).startsWith('application/json'))
            return reject(new Error('not JSON'));
          resolve(new WrappedAnswer(res.statusCode, res.rawHeaders, body).body);
        });
        res.on('error', reject);
      };
      const spec = target(pathAndQuery);
      const req =
        typeof spec === 'string' ? request(spec, { agent, headers }, onAnswer) : request(spec, onAnswer);
      req.on('error', reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}
