import { Agent, request } from 'node:http';
import { authHeaders, type Credentials } from './credentials.js';

/**
 * GET with `node:http` and a keep-alive agent: no fetch layer at all. The floor for a Node transport,
 * which terra-ts's default on Node is; no client that goes through global `fetch` can reach it.
 */
export function nodeHttpJson(credentials: Credentials): {
  get: (pathAndQuery: string) => Promise<unknown>;
  close: () => void;
} {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const headers = authHeaders(credentials);
  const get = (pathAndQuery: string) =>
    new Promise<unknown>((resolve, reject) => {
      const req = request(credentials.baseUrl + pathAndQuery, { agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`node:http: ${res.statusCode} for ${pathAndQuery}`));
          else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}
