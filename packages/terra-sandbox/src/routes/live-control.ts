import { readJson } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import { asObject } from '../http/json-input.js';
import { badRequest, HttpProblem } from '../http/problem.js';
import { booleanParam } from '../http/query.js';
import { sendJson } from '../http/respond.js';
import { ClockOptionError } from '../live/clock.js';
import type { GroundTruth } from '../live/ground-truth.js';
import { LiveModeOffError } from '../live/options.js';
import type { SandboxRuntime } from '../runtime.js';

type AddRoute = (method: string, path: string, handler: (ctx: RequestContext) => Promise<void>) => void;

function clockState(sandbox: SandboxRuntime) {
  const now = sandbox.clock.now();
  return {
    now,
    iso: new Date(now).toISOString(),
    speed: sandbox.clock.speed,
    live: sandbox.live !== undefined,
  };
}

async function advanceClock(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const body = asObject(await readJson(ctx.req), 'clock advance request');
  const ms = body.ms;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw badRequest(
      `ms must be a number of milliseconds, 0 or more (the clock never goes back), e.g. {"ms":3600000}; got ${JSON.stringify(ms)}`,
    );
  }
  try {
    await sandbox.advanceClock(ms);
  } catch (err) {
    if (err instanceof ClockOptionError) throw badRequest(err.message);
    throw err;
  }
  await sendJson(ctx, 200, clockState(sandbox));
}

/** The ground truth on the wire: our own fields in snake_case, the records exactly as sent. */
function groundTruthJson(truth: GroundTruth) {
  return {
    now: truth.now,
    records: truth.records.map((r) => ({
      type: r.type,
      user_id: r.userId,
      key: r.key,
      ordering_timestamp: r.orderingTimestamp,
      trace_id: r.traceId,
      acknowledged: r.acknowledged,
      record: r.record,
    })),
    deliveries: {
      sent: truth.deliveries.sent,
      acknowledged: truth.deliveries.acknowledged,
      failed: truth.deliveries.failed,
      in_flight: truth.deliveries.inFlight,
    },
    ...(truth.acknowledgedDeliveries
      ? {
          acknowledged_deliveries: truth.acknowledgedDeliveries.map((d) => ({
            delivery_id: d.deliveryId,
            type: d.type,
            trace_id: d.traceId,
            reference: d.reference,
            ordering_timestamp: d.orderingTimestamp,
            user_id: d.userId,
          })),
        }
      : {}),
  };
}

function requireLive(sandbox: SandboxRuntime, what: string) {
  try {
    return sandbox.requireLive(what);
  } catch (err) {
    if (err instanceof LiveModeOffError) throw new HttpProblem(409, err.message);
    throw err;
  }
}

/**
 * The clock and live-mode routes of the control API: `GET /clock`, `POST /clock/advance {ms}` (answers
 * once live mode has sent everything due by the new now), and
 * `GET /ground-truth[?include_deliveries=true][&acknowledged_only=true]`
 * (409 unless live mode is on).
 */
export function registerLiveControlRoutes(add: AddRoute, sandbox: SandboxRuntime): void {
  add('GET', '/clock', (ctx) => sendJson(ctx, 200, clockState(sandbox)));
  add('POST', '/clock/advance', (ctx) => advanceClock(sandbox, ctx));
  add('GET', '/ground-truth', (ctx) => {
    const live = requireLive(sandbox, 'the ground truth');
    const includeDeliveries = booleanParam(ctx.query, 'include_deliveries', false);
    const acknowledgedOnly = booleanParam(ctx.query, 'acknowledged_only', false);
    return sendJson(ctx, 200, groundTruthJson(live.groundTruth({ includeDeliveries, acknowledgedOnly })));
  });
}
