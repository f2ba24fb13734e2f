import type { BenchConfig } from '../config.js';
import { authHeaders, credentialsOf } from '../contenders/credentials.js';
import { nodeHttpJson } from '../contenders/node-http.js';
import { formatBytes, formatNumber } from '../harness/format.js';
import { interleave } from '../harness/interleave.js';
import { runPool } from '../harness/pool.js';
import {
  type Check,
  type Group,
  groupOf,
  microsEach,
  perSecond,
  rowOf,
  type SuiteResult,
} from '../harness/result.js';
import { startSandboxProcess } from '../servers/sandbox-client.js';

const DAY_MS = 86_400_000;

/** terra-sandbox itself: requests per second on small endpoints, and a user-year of activity with samples. */
export async function sandboxSuite(config: BenchConfig): Promise<SuiteResult> {
  const { requests, inFlight, rounds, generationDays, generationRounds } = config.sandbox;
  const sandbox = await startSandboxProcess({ seed: config.seed, users: 2 });
  const credentials = credentialsOf(sandbox);
  // The load comes from node:http with keep-alive, the cheapest client, so the sandbox is what saturates.
  const client = nodeHttpJson(credentials);
  const [smallUser, yearUser] = sandbox.userIds as [string, string];
  const groups: Group[] = [];
  const checks: Check[] = [];
  try {
    const endpoints: Record<string, string> = {
      'GET /integrations': '/integrations',
      'GET /userInfo': `/userInfo?user_id=${smallUser}`,
      'GET /subscriptions': '/subscriptions',
    };
    const serverCpu = new Map<string, number[]>();
    const durations = await interleave(
      Object.entries(endpoints).map(([name, path]) => ({
        name,
        run: async () => {
          const before = await sandbox.cpuMs();
          await runPool(requests, inFlight, () => client.get(path));
          serverCpu.set(name, [...(serverCpu.get(name) ?? []), (await sandbox.cpuMs()) - before]);
        },
      })),
      { warmup: 1, rounds },
    );
    // The warm-up round's CPU is dropped like its time.
    for (const [name, values] of serverCpu) serverCpu.set(name, values.slice(1));
    const rates = groupOf(
      `${requests} requests per round, ${inFlight} in flight`,
      'req/s',
      'GET /integrations',
      perSecond(durations, requests),
    );
    const perRequest = groupOf(
      'sandbox CPU per request',
      'µs',
      'GET /integrations',
      microsEach(serverCpu, requests),
    );
    groups.push(rates, perRequest);
    const slowest = Math.min(...rates.rows.map((r) => r.median));
    checks.push({
      target: 'at least 2,000 req/s on small endpoints (2 cores)',
      measured: `${formatNumber(slowest)} req/s (slowest endpoint's median; ${formatNumber(Math.max(...perRequest.rows.map((r) => r.median)))} µs of sandbox CPU per request at most)`,
      met: slowest >= 2000,
    });

    const end = new Date(Date.parse('2025-01-01') + generationDays * DAY_MS).toISOString().slice(0, 10);
    const url = `${sandbox.baseUrl}/activity?user_id=${yearUser}&start_date=2025-01-01&end_date=${end}&to_webhook=false&with_samples=true`;
    let bytes = 0;
    const yearCpu: number[] = [];
    const year = await interleave(
      [
        {
          name: 'GET /activity, with samples',
          run: async () => {
            const before = await sandbox.cpuMs();
            const res = await fetch(url, { headers: authHeaders(credentials) });
            bytes = (await res.arrayBuffer()).byteLength;
            if (res.status !== 200)
              throw new Error(`the sandbox answered ${res.status} for a year of activity`);
            yearCpu.push((await sandbox.cpuMs()) - before);
          },
        },
      ],
      { warmup: 1, rounds: generationRounds },
    );
    const generation = groupOf(
      `${generationDays} days of activity with samples for one user (${formatBytes(bytes)}), request to last byte`,
      'ms',
      'GET /activity, with samples',
      year,
    );
    // The warm-up round's CPU is dropped like its time.
    const generationCpu = groupOf(
      'sandbox CPU for that request (generation and serialisation)',
      'ms',
      'GET /activity, with samples',
      new Map([['GET /activity, with samples', yearCpu.slice(1)]]),
    );
    groups.push(generation, generationCpu);
    const median = rowOf(generation, 'GET /activity, with samples').median;
    const cpuMedian = rowOf(generationCpu, 'GET /activity, with samples').median;
    checks.push({
      target: 'one user-year of activity with samples generated in under 1 s',
      measured: `${formatNumber(median)} ms request to last byte (${formatNumber(cpuMedian)} ms of sandbox CPU)`,
      met: median < 1000,
    });
  } finally {
    client.close();
    await sandbox.close();
  }
  return {
    id: 'sandbox',
    title: 'terra-sandbox',
    groups,
    checks,
    notes: [
      'The sandbox runs in its own process; the load generator (node:http, keep-alive) runs in this one, so each has a core. Sandbox CPU per request is read from the sandbox process itself (`process.cpuUsage()` before and after each round); 1,000,000 / that figure is what one core could serve.',
      'The user-year figure is measured over HTTP from request to last byte, so it includes JSON serialisation and transfer on top of generation: an upper bound for generation alone. The ratio column compares endpoints with each other, not with a target.',
    ],
  };
}
