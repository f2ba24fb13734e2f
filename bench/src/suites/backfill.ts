import { TerraClient } from 'terra-api';
import { Terra } from 'terra-ts';
import type { BenchConfig } from '../config.js';
import { credentialsOf } from '../contenders/credentials.js';
import { formatRatio } from '../harness/format.js';
import { interleave } from '../harness/interleave.js';
import { type Check, groupOf, rowOf, type SuiteResult } from '../harness/result.js';
import { startSandboxProcess } from '../servers/sandbox-client.js';

const BASELINE = 'terra-ts, one call per month in sequence';
/** terra-ts's default `concurrency` for chunked data requests. */
const DEFAULT_CONCURRENCY = 8;
const CHUNKED = `terra-ts built-in: chunkDays 30 (default concurrency ${DEFAULT_CONCURRENCY})`;
const CHUNKED_ONE_WAVE = 'terra-ts built-in: chunkDays 30, concurrency 13 (one wave)';
const TERRA_API = 'terra-api, one call per month in sequence';
const START = '2025-01-01';

function monthStart(offset: number): string {
  const [year, month] = START.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 10);
}

function chunkCount(end: string): number {
  return Math.ceil((Date.parse(end) - Date.parse(START)) / 86_400_000 / 30);
}

type Sleep = { metadata?: { start_time?: string } };

function dataOf(body: unknown, who: string): Sleep[] {
  const data = (body as { data?: unknown }).data;
  if (!Array.isArray(data)) throw new Error(`${who}: the answer has no data array`);
  return data as Sleep[];
}

function isChronological(records: readonly Sleep[]): boolean {
  const starts = records.map((r) => Date.parse(r.metadata?.start_time ?? ''));
  return starts.every((t, i) => Number.isNaN(t) || i === 0 || t >= (starts[i - 1] as number));
}

/** Backfill a year of sleep through a sandbox that answers every request 50 ms late. */
export async function backfillSuite(config: BenchConfig): Promise<SuiteResult> {
  const { latencyMs, months } = config.backfill;
  const end = monthStart(months);
  const sandbox = await startSandboxProcess({ seed: config.seed, users: 5, latencyMs });
  const credentials = credentialsOf(sandbox);
  const terra = new Terra(credentials);
  const official = new TerraClient(credentials);
  // Each contender reads its own user, so no one's runs spend another's hourly budget of days.
  const [userA, userB, userC, userD, userCheck] = sandbox.userIds as [string, string, string, string, string];

  const perMonth = async (userId: string) => {
    const all: Sleep[] = [];
    for (let m = 0; m < months; m++) {
      const options = {
        startDate: monthStart(m),
        endDate: monthStart(m + 1),
        toWebhook: false,
        withSamples: false,
      };
      all.push(...dataOf((await terra.getSleepForUser(userId, options)).getParsedResponse(), BASELINE));
    }
    return all;
  };
  const chunked = async (userId: string, concurrency?: number) => {
    const options = {
      startDate: START,
      endDate: end,
      toWebhook: false,
      withSamples: false,
      chunkDays: 30,
      concurrency,
    };
    return dataOf((await terra.getSleepForUser(userId, options)).getParsedResponse(), CHUNKED);
  };
  try {
    // Correctness first, untimed: the chunked result is the monthly one, record for record, in order.
    const expected = await perMonth(userCheck);
    const got = await chunked(userCheck);
    const sameRecords = JSON.stringify(got) === JSON.stringify(expected);
    const chronological = isChronological(got);

    const samples = await interleave(
      [
        { name: BASELINE, run: () => perMonth(userA) },
        { name: CHUNKED, run: () => chunked(userB) },
        { name: CHUNKED_ONE_WAVE, run: () => chunked(userC, 13) },
        {
          name: TERRA_API,
          run: async () => {
            for (let m = 0; m < months; m++) {
              const body = await official.sleep.fetch({
                user_id: userD,
                start_date: monthStart(m),
                end_date: Date.parse(monthStart(m + 1)) / 1000,
                to_webhook: false,
                with_samples: false,
              });
              dataOf(body, TERRA_API);
            }
          },
        },
      ],
      config.backfill,
    );
    const group = groupOf(
      `${months} months of sleep, ${latencyMs} ms latency per request`,
      'ms',
      BASELINE,
      samples,
    );
    const speedup = (name: string) => 1 / (rowOf(group, name).ratio ?? Number.NaN);
    const checks: Check[] = [
      {
        target: 'built-in chunked fetch (defaults) at least 4x faster than one call per month in sequence',
        measured: `${formatRatio(speedup(CHUNKED))} faster`,
        met: speedup(CHUNKED) >= 4,
      },
      {
        target:
          'built-in chunked fetch (concurrency 13) at least 4x faster than one call per month in sequence',
        measured: `${formatRatio(speedup(CHUNKED_ONE_WAVE))} faster`,
        met: speedup(CHUNKED_ONE_WAVE) >= 4,
      },
      {
        target: 'results in order',
        measured: `${expected.length} records: ${sameRecords ? 'identical to the monthly calls' : 'DIFFERENT from the monthly calls'}, ${chronological ? 'chronological' : 'NOT chronological'}`,
        met: sameRecords && chronological && expected.length > 0,
      },
    ];
    return {
      id: 'backfill',
      title: 'Backfill a year of sleep',
      groups: [group],
      checks,
      notes: [
        ...(speedup(CHUNKED) < 4 && months >= 4
          ? [
              `Limit of the defaults: ${chunkCount(end)} chunks at ${DEFAULT_CONCURRENCY} in flight go out in ${Math.ceil(chunkCount(end) / DEFAULT_CONCURRENCY)} waves, so the best possible speed-up over ${months} sequential calls is ${formatRatio(months / Math.ceil(chunkCount(end) / DEFAULT_CONCURRENCY))}; 4x needs enough requests in flight to finish in ${Math.floor(months / 4)} waves or fewer (\`concurrency\` ≥ ${Math.ceil(chunkCount(end) / Math.floor(months / 4))}), a default the SDK owns.`,
            ]
          : []),
        `The sandbox adds ${latencyMs} ms to every request (its \`latencyMs\` fault), as a far-away API would. ${months} calendar months from ${START} to ${end}; the chunked call splits the range into 30-day chunks (${chunkCount(end)} requests).`,
        `With ${DEFAULT_CONCURRENCY} requests in flight the chunks go out in waves of ${DEFAULT_CONCURRENCY}, so the speed-up is bounded by about requests / ceil(requests / ${DEFAULT_CONCURRENCY}); \`concurrency\` raises it.`,
      ],
    };
  } finally {
    await sandbox.close();
  }
}
