import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Sandbox, startSandbox } from 'terra-sandbox';
import { Terra, TerraError } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_API_KEY, CANARY_DEV_ID } from './support/canary.js';
import { faultingFetch, unhandledRejectionsDuring } from './support/counting-fetch.js';
import { LONG, scaled } from './support/long.js';

const TOTAL = scaled(1_000, 10_000);
const IN_FLIGHT = 32;
// Every fault mode that ends an attempt quickly; slow bodies time out and are abandoned mid-body.
const SPECS = [
  'status=503',
  'status=500',
  'drop',
  'truncate',
  'non-json',
  'html',
  'r1',
  'r2',
  'slow-body=1500',
  undefined,
];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: CANARY_API_KEY, devId: CANARY_DEV_ID });
});
afterAll(() => sandbox.close());

describe(`${TOTAL} faulty requests`, () => {
  it('all settle as results or TerraErrors, with no unhandled rejection, and memory stays flat', async () => {
    const outcomes = new Map<string, number>();
    const terra = new Terra({
      apiKey: CANARY_API_KEY,
      devId: CANARY_DEV_ID,
      baseUrl: sandbox.baseUrl,
      fetch: faultingFetch((attempt) => SPECS[attempt % SPECS.length]).fetch,
      maxRetries: 0,
      timeoutMs: 400,
    });
    const one = async () => {
      try {
        await terra.listProviders();
        outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
      } catch (error) {
        expect(error).toBeInstanceOf(TerraError);
        const name = (error as Error).name;
        outcomes.set(name, (outcomes.get(name) ?? 0) + 1);
      }
    };
    const runBatch = async (count: number) => {
      let started = 0;
      const worker = async () => {
        while (started < count) {
          started++;
          await one();
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    };

    const warmUp = Math.min(500, TOTAL / 5);
    let before = 0;
    let after = 0;
    const unhandled = await unhandledRejectionsDuring(async () => {
      await runBatch(warmUp);
      before = await settledHeap();
      await runBatch(TOTAL - warmUp);
      // Abandoned slow bodies finish trickling in on the sandbox's side before the heap is read.
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      after = await settledHeap();
    });
    expect(unhandled).toEqual([]);
    console.log(
      JSON.stringify({ outcomes: Object.fromEntries(outcomes), growthMb: (after - before) / 1024 / 1024 }),
    );
    const settled = [...outcomes.values()].reduce((a, b) => a + b, 0);
    expect(settled).toBe(TOTAL);
    for (const name of [
      'InternalServerError',
      'TerraConnectionError',
      'TerraResponseParseError',
      'RateLimitError',
      'TerraTimeoutError',
      'ok',
    ]) {
      expect(outcomes.get(name), name).toBeGreaterThan(0);
    }
    // Flat: what is left after the run does not grow with the number of requests (a leak of even
    // 2 KB per request would show as 18 MB over the long run).
    const growthMb = (after - before) / 1024 / 1024;
    expect(growthMb).toBeLessThan(LONG ? 12 : 8);
  }, 240_000);
});
