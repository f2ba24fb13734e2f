import { BadRequestError, TerraAbortError } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terraFor, wireUser } from '../support/terra-for.js';
import { type RecordedRequest, startTestServer, type TestServer } from '../support/test-server.js';
import { unhandledRejectionsDuring } from './support/counting-fetch.js';

const DAY = 86_400;
const START = 1_704_067_200; // 2024-01-01

let server: TestServer;
let failChunk = -1;
beforeAll(async () => {
  // Chunk n (by its start) fails with a 400 when asked; the others answer after a while.
  server = await startTestServer((req: RecordedRequest) => {
    const chunk = Math.round((Number(req.query.get('start_date')) - START) / (10 * DAY));
    if (chunk === failChunk) return { status: 400, body: { status: 'error', message: 'bad chunk' } };
    return { delayMs: 150, body: { user: wireUser(), type: 'sleep', data: [{ chunk }] } };
  });
});
afterAll(() => server.close());

describe('a chunked data request when one chunk fails', () => {
  it("rejects with that chunk's error (not an abort of its siblings) and leaves no unhandled rejection", async () => {
    failChunk = 3;
    const terra = terraFor(server, { maxRetries: 0 });
    let error: unknown;
    const unhandled = await unhandledRejectionsDuring(async () => {
      error = await terra
        .getSleepForUser('u1', {
          startDate: START,
          endDate: START + 100 * DAY,
          toWebhook: false,
          chunkDays: 10,
          concurrency: 4,
        })
        .catch((e) => e);
    });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(unhandled).toEqual([]);
  });

  it("the caller's abort rejects with TerraAbortError while chunks are in flight, with nothing unhandled", async () => {
    failChunk = -1;
    const terra = terraFor(server, { maxRetries: 0 });
    const controller = new AbortController();
    let error: unknown;
    const unhandled = await unhandledRejectionsDuring(async () => {
      const pending = terra
        .getSleepForUser('u1', {
          startDate: START,
          endDate: START + 100 * DAY,
          toWebhook: false,
          chunkDays: 10,
          concurrency: 4,
          signal: controller.signal,
        })
        .catch((e) => e);
      setTimeout(() => controller.abort(), 50);
      error = await pending;
    });
    expect(error).toBeInstanceOf(TerraAbortError);
    expect(unhandled).toEqual([]);
  });

  it('stopping an iteration early leaves nothing running and nothing unhandled', async () => {
    failChunk = -1;
    const terra = terraFor(server, { maxRetries: 0 });
    const seen: number[] = [];
    const unhandled = await unhandledRejectionsDuring(async () => {
      for await (const chunk of terra.iterateDataForUser('u1', 'sleep', {
        startDate: START,
        endDate: START + 100 * DAY,
        chunkDays: 10,
        concurrency: 4,
      })) {
        seen.push(
          (chunk.getParsedResponse() as unknown as { data: Array<{ chunk: number }> }).data[0]?.chunk ?? -1,
        );
        if (seen.length === 2) break;
      }
    });
    expect(seen).toEqual([0, 1]);
    expect(unhandled).toEqual([]);
  });
});
