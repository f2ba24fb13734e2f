// The deliveries the ingest benchmark sends: real sandbox data (seeded) in the shape of Terra's data
// webhooks, relabelled to a fresh user and signed before every run (so every run stores new keys).
import { randomUUID } from 'node:crypto';
import { startSandbox } from 'terra-sandbox';
import { Terra } from 'terra-ts';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import type { BenchDataType } from '../../contenders/store/table-rows.js';

/** One delivery before it is relabelled and signed. */
export interface DeliveryTemplate {
  readonly type: BenchDataType;
  readonly body: string;
  readonly records: number;
  /** The chunk number within its type's large request (1-based), for the trace id. */
  readonly chunk: number;
}

/** A set of deliveries measured together. */
export interface Workload {
  readonly label: string;
  readonly templates: readonly DeliveryTemplate[];
  /** The user id the templates carry (replaced per run). */
  readonly userId: string;
  readonly records: number;
}

/** A delivery ready to POST. */
export interface SignedDelivery {
  readonly body: string;
  readonly headers: Record<string, string>;
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The types a data webhook workload carries (activity, sleep, daily, body: what wearables send daily). */
export const INGEST_TYPES: readonly BenchDataType[] = ['activity', 'sleep', 'daily', 'body'];

function body(user: unknown, data: unknown[], type: BenchDataType): string {
  return JSON.stringify({ user, data, type, version: '2022-03-16' });
}

/**
 * Builds the two workloads from the sandbox (in this process, untimed): a large request's month chunks
 * (a year of each type, one delivery per month: what Terra sends for a backfill to a webhook) and
 * single-record updates (one daily summary per delivery: what Terra sends as a day goes by).
 */
export async function buildWorkloads(
  seed: number,
  months: number,
  singles: number,
): Promise<{ chunks: Workload; singles: Workload }> {
  const sandbox = await startSandbox({ port: 0, seed, users: [] });
  try {
    const user = sandbox.createUser({ provider: 'GARMIN', reference_id: 'bench-store-ingest' });
    const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
    const end = Date.now() - 2 * DAY;
    const chunkTemplates: DeliveryTemplate[] = [];
    const dailies: unknown[] = [];
    let wireUser: unknown;
    for (const type of INGEST_TYPES) {
      for (let m = months; m > 0; m--) {
        const options = {
          startDate: day(end - m * 30 * DAY),
          endDate: day(end - (m - 1) * 30 * DAY),
          toWebhook: false,
          withSamples: false,
        };
        const fetchers = {
          activity: () => terra.getActivityForUser(user.user_id, options),
          sleep: () => terra.getSleepForUser(user.user_id, options),
          daily: () => terra.getDailyForUser(user.user_id, options),
          body: () => terra.getBodyForUser(user.user_id, options),
        } as const;
        const json = (await fetchers[type as keyof typeof fetchers]()).getJson() as {
          user: unknown;
          data?: unknown[];
        };
        wireUser = json.user;
        const data = json.data ?? [];
        if (type === 'daily') dailies.push(...data);
        if (data.length === 0) continue;
        chunkTemplates.push({
          type,
          body: body(json.user, data, type),
          records: data.length,
          chunk: months - m + 1,
        });
      }
    }
    const singleTemplates = Array.from({ length: singles }, (_, i) => ({
      type: 'daily' as const,
      body: body(wireUser, [dailies[i % dailies.length]], 'daily'),
      records: 1,
      chunk: 0,
    }));
    const total = (t: readonly DeliveryTemplate[]) => t.reduce((n, d) => n + d.records, 0);
    return {
      chunks: {
        label: `a large request: a ${months}-month history of ${INGEST_TYPES.join(', ')} in month chunks (${chunkTemplates.length} deliveries, ${total(chunkTemplates)} records, ${Math.round(chunkTemplates.reduce((n, d) => n + d.body.length, 0) / chunkTemplates.length / 1024)} KB each on average)`,
        templates: chunkTemplates,
        userId: user.user_id,
        records: total(chunkTemplates),
      },
      singles: {
        label: `single-record updates: one daily summary per delivery (${singles} deliveries)`,
        templates: singleTemplates,
        userId: user.user_id,
        records: singles,
      },
    };
  } finally {
    await sandbox.close();
  }
}

/**
 * The workload relabelled to a fresh user and signed now: new natural keys for every run (COPY cannot
 * upsert), a `terra-reference` per type and the trace and ordering headers Terra sends.
 */
export async function signWorkload(
  workload: Workload,
  secret: string,
): Promise<{ userId: string; deliveries: SignedDelivery[] }> {
  const userId = randomUUID();
  const run = randomUUID();
  const now = Date.now();
  const deliveries: SignedDelivery[] = [];
  for (const [i, t] of workload.templates.entries()) {
    const relabelled = t.body.replaceAll(workload.userId, userId);
    const reference = `${run}-${t.type}`;
    deliveries.push({
      body: relabelled,
      headers: {
        'content-type': 'application/json',
        'terra-signature': await generateTestSignatureHeader({ payload: relabelled, secret }),
        'terra-reference': t.chunk > 0 ? reference : `${run}-${i}`,
        'x-terra-trace-id': t.chunk > 0 ? `${reference}:chunk:${t.chunk}` : `${run}:${i}`,
        'x-terra-ordering-timestamp': String(now + i),
      },
    });
  }
  return { userId, deliveries };
}
