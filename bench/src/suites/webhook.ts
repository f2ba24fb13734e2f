import { createRequire } from 'node:module';
import { verifyTerraWebhookSignature } from 'terra-api';
import { Terra } from 'terra-ts';
import type { BenchConfig } from '../config.js';
import { rawVerifyAndParse, signDelivery } from '../contenders/webhook-signature.js';
import { formatBytes, formatRatio } from '../harness/format.js';
import { type Contender, interleave } from '../harness/interleave.js';
import {
  type Check,
  type Group,
  groupOf,
  microsEach,
  perSecond,
  rowOf,
  type SuiteResult,
} from '../harness/result.js';
import type { FixtureInfo } from '../servers/protocol.js';
import { startSandboxProcess } from '../servers/sandbox-client.js';

const BASELINE = 'node:crypto HMAC + timingSafeEqual + JSON.parse';
const TERRA_TS = 'terra-ts handleWebhook()';
const TERRA_API = 'terra-api verifyTerraWebhookSignature() + JSON.parse (import)';
const TERRA_API_REQUIRE = 'terra-api verifyTerraWebhookSignature() + JSON.parse (require)';

type Verifier = typeof verifyTerraWebhookSignature;
const requiredVerifier = (
  createRequire(import.meta.url)('terra-api') as { verifyTerraWebhookSignature: Verifier }
).verifyTerraWebhookSignature;

/**
 * A data-event delivery of about `minBytes`: a sandbox data response (`{user, data, type}`, the shape
 * of Terra's data webhooks) cut to the fewest records that reach the size.
 */
async function deliveryBody(fixture: FixtureInfo, minBytes: number): Promise<string> {
  const res = await fetch(`${fixture.baseUrl}/delivery`);
  const wire = (await res.json()) as { user: unknown; data: unknown[]; type: string };
  let body = '';
  for (let count = 1; count <= wire.data.length; count++) {
    body = JSON.stringify({
      user: wire.user,
      data: wire.data.slice(0, count),
      type: wire.type,
      version: '2022-03-16',
    });
    if (body.length >= minBytes) break;
  }
  return body;
}

function contendersFor(body: string, header: string, secret: string, count: number): Contender[] {
  const terra = new Terra({ apiKey: 'unused', devId: 'unused', secret });
  const times = async (op: () => unknown) => {
    for (let i = 0; i < count; i++) await op();
  };
  return [
    { name: BASELINE, run: () => times(() => rawVerifyAndParse(body, header, secret)) },
    {
      name: TERRA_TS,
      run: () => times(async () => (await terra.handleWebhook(body, header)).getParsedResponse()),
    },
    {
      name: TERRA_API,
      run: () =>
        times(async () => {
          await verifyTerraWebhookSignature(body, header, secret);
          return JSON.parse(body);
        }),
    },
    {
      name: TERRA_API_REQUIRE,
      run: () =>
        times(async () => {
          await requiredVerifier(body, header, secret);
          return JSON.parse(body);
        }),
    },
  ];
}

/** handleWebhook (verify + parse) on a small and a large delivery, against raw node:crypto and terra-api. */
export async function webhookSuite(config: BenchConfig): Promise<SuiteResult> {
  const { sizes } = config.webhook;
  const sandbox = await startSandboxProcess({
    seed: config.seed,
    users: 0,
    fixtures: sizes.map((s, i) => ({
      name: `delivery${i}`,
      // Small deliveries look like summaries, large ones like activities with samples.
      type: i === 0 ? 'daily' : 'activity',
      withSamples: i !== 0,
      minBytes: s.minBytes,
    })),
  });
  const bodies: string[] = [];
  try {
    for (const [i, size] of sizes.entries()) {
      bodies.push(await deliveryBody(sandbox.fixtures[`delivery${i}`] as FixtureInfo, size.minBytes));
    }
  } finally {
    await sandbox.close();
  }
  const groups: Group[] = [];
  const checks: Check[] = [];
  for (const [i, size] of sizes.entries()) {
    const body = bodies[i] as string;
    const header = signDelivery(body, sandbox.secret);
    const cpu = new Map<string, number[]>();
    const durations = await interleave(
      contendersFor(body, header, sandbox.secret, size.opsPerRound),
      config.webhook,
      cpu,
    );
    const group = groupOf(
      `verify + parse one ${formatBytes(body.length)} delivery (${size.opsPerRound} per round)`,
      'ops/s',
      BASELINE,
      perSecond(durations, size.opsPerRound),
    );
    groups.push(
      group,
      groupOf(
        `CPU per ${formatBytes(body.length)} delivery`,
        'µs',
        BASELINE,
        microsEach(cpu, size.opsPerRound),
      ),
    );
    const ts = rowOf(group, TERRA_TS);
    const api = rowOf(group, TERRA_API);
    // The first size is the small-delivery target (0.8x), the second the large one (within 1.1x in time).
    const floor = i === 0 ? 0.8 : 1 / 1.1;
    checks.push(
      {
        target:
          i === 0
            ? `${size.label}: at least 0.8x the raw node:crypto baseline`
            : `${size.label}: within 1.1x of the raw node:crypto baseline`,
        measured:
          i === 0 ? formatRatio(ts.ratio ?? 0) : `${formatRatio(1 / (ts.ratio ?? 0))} the baseline's time`,
        met: (ts.ratio ?? 0) >= floor,
      },
      {
        target: `${size.label}: faster than terra-api's verifier`,
        measured: `${formatRatio(ts.median / api.median || 0)} terra-api's rate`,
        met: ts.median > api.median,
      },
    );
  }
  return {
    id: 'webhook',
    title: 'Webhook verification and parsing',
    groups,
    checks,
    notes: [
      'Deliveries are sandbox data responses (seeded) in the shape of a data webhook, signed like Terra does (`t=<unix>,v1=<HMAC-SHA256 hex of "t.body">`); the body is passed as the string a framework hands over.',
      'The baseline feeds the HMAC the timestamp, the dot and the body in turn, compares with `timingSafeEqual`, checks the timestamp and parses: the fastest correct hand-written receiver.',
      'terra-api only verifies (it has no webhook parsing), so `JSON.parse` is added to its rows; its verifier does `await import("crypto")` on every call, hence the `require` row (how a CommonJS app loads it).',
    ],
  };
}
