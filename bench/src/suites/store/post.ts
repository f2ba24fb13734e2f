import { Agent, request } from 'node:http';
import { runPool } from '../../harness/pool.js';
import type { SignedDelivery } from './deliveries.js';

/** POSTs every delivery with at most `inFlight` at once over keep-alive node:http; rejects on a non-200. */
export async function postAll(
  url: string,
  deliveries: readonly SignedDelivery[],
  inFlight: number,
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  const post = (d: SignedDelivery) =>
    new Promise<void>((resolve, reject) => {
      const req = request(url, { method: 'POST', agent, headers: d.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 200) resolve();
          else
            reject(
              new Error(
                `${url} answered ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`,
              ),
            );
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(d.body);
    });
  try {
    await runPool(deliveries.length, inFlight, (i) => post(deliveries[i] as SignedDelivery));
  } finally {
    agent.destroy();
  }
}
