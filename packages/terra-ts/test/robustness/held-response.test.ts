import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Terra, type TerraOptions } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// About 20 MB of activity-shaped JSON: big enough that a kept copy of the text would show plainly.
const body = JSON.stringify({
  status: 'success',
  type: 'activity',
  user: {
    user_id: 'u-1',
    provider: 'GARMIN',
    reference_id: null,
    last_webhook_update: null,
    scopes: null,
    active: true,
  },
  data: Array.from({ length: 200 }, (_, i) => ({
    metadata: {
      summary_id: `s-${i}`,
      start_time: '2024-01-01T00:00:00+00:00',
      end_time: '2024-01-01T01:00:00+00:00',
      type: 1,
    },
    heart_rate_data: {
      detailed: {
        hr_samples: Array.from({ length: 1_500 }, (_, j) => ({
          timestamp: `2024-01-01T00:${String(j % 60).padStart(2, '0')}:00.000000+00:00`,
          bpm: 90 + (j % 60),
        })),
      },
    },
  })),
});

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

/**
 * Heap growth while `hold()`'s result is alive: from a settled heap to one collection right after the
 * call, so what the call still holds in passing (not only what the caller holds) counts too.
 */
async function heldGrowth(hold: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
  }
  const before = process.memoryUsage().heapUsed;
  const held = await hold();
  gc();
  const growth = process.memoryUsage().heapUsed - before;
  expect(held).toBeTruthy();
  return growth;
}

describe.each([
  { transport: 'node:http, the default on Node', options: {} },
  { transport: 'fetch, when one is passed', options: { fetch: globalThis.fetch } },
] as { transport: string; options: TerraOptions }[])(
  'a large response held by the caller, over $transport',
  ({ options }) => {
    it('costs about what its parsed data costs: the body text is not kept alongside', async () => {
      const terra = new Terra({ ...options, apiKey: 'k', devId: 'd', baseUrl });
      const range = { startDate: '2024-01-01', endDate: '2024-01-10', toWebhook: false, withSamples: true };
      await terra.getActivityForUser('u-1', range); // warm-up: connection, code paths
      const parsedOnly = await heldGrowth(async () => JSON.parse(body.slice(0)));
      const response = await heldGrowth(() => terra.getActivityForUser('u-1', range));
      // A kept copy of the ~20 MB text would add well over half again to the parsed data.
      expect(response).toBeLessThan(parsedOnly * 1.25);
    });
  },
);
