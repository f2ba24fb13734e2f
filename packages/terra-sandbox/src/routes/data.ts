import { randomUUID } from 'node:crypto';
import { isLargeRange, parseDateRange } from '../data/date-range.js';
import { recordsInRange } from '../data/records.js';
import { DATA_TYPES, type DataType } from '../data/source.js';
import type { RequestContext } from '../http/context.js';
import { badRequest } from '../http/problem.js';
import { booleanParam, requireParam } from '../http/query.js';
import { send, sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import { sendJsonArray } from '../http/stream-json.js';
import { RATE_LIMIT_BODY } from '../rate-limit/rules.js';
import type { SandboxRuntime } from '../runtime.js';
import type { TerraUser } from '../state/types.js';
import { deliverAthlete, deliverData } from '../webhooks/data-delivery.js';

const LARGE_REQUEST_MESSAGE =
  'Large request submitted. The data is being processed and will be sent to your destination in chunks';

/** Charges the request to the user's budget; a refusal is answered here and returns undefined. */
async function charge(
  sandbox: SandboxRuntime,
  ctx: RequestContext,
  user: TerraUser,
  days: number,
): Promise<Record<string, string> | undefined> {
  const decision = sandbox.rateLimiter.charge(user.user_id, days);
  if (decision.allowed) return decision.headers;
  await send(ctx, 429, { 'content-type': 'application/json', ...decision.headers }, RATE_LIMIT_BODY);
  return undefined;
}

function requireWebhook(sandbox: SandboxRuntime): void {
  if (!sandbox.webhookUrl) {
    throw badRequest(
      'to_webhook=true but no webhook URL is configured; pass to_webhook=false, or set one with ' +
        '--webhook-url / PUT /sandbox/api/webhook-url',
    );
  }
}

/** The acknowledgement of a `to_webhook=true` request (DataSentToWebhook). */
function acknowledgement(
  type: string,
  user: TerraUser,
  reference: string,
  large: boolean,
): Record<string, unknown> {
  const ack: Record<string, unknown> = { status: 'success', type, reference, trace_id: reference, user };
  if (large) ack.message = LARGE_REQUEST_MESSAGE;
  return ack;
}

function dataHandler(sandbox: SandboxRuntime, type: DataType) {
  return async (ctx: RequestContext): Promise<void> => {
    const { query } = ctx;
    const userId = requireParam(query, 'user_id');
    const range = parseDateRange(query);
    const toWebhook = booleanParam(query, 'to_webhook', true);
    const withSamples = booleanParam(query, 'with_samples', false);
    const user = sandbox.requireUser(userId);
    if (toWebhook) requireWebhook(sandbox);
    const headers = await charge(sandbox, ctx, user, range.requestedDays);
    if (!headers) return;
    if (toWebhook) {
      const reference = randomUUID();
      await sendJson(ctx, 200, acknowledgement(type, user, reference, isLargeRange(range)), headers);
      setImmediate(() =>
        sandbox.runBackground(`${type} delivery ${reference}`, () =>
          deliverData(sandbox, type, user, range, withSamples, reference),
        ),
      );
      return;
    }
    await sendJsonArray(
      ctx,
      headers,
      { head: `"user":${JSON.stringify(user)}`, key: 'data', tail: `"type":${JSON.stringify(type)}` },
      recordsInRange(sandbox, type, user, range, withSamples),
    );
  };
}

function athleteHandler(sandbox: SandboxRuntime) {
  return async (ctx: RequestContext): Promise<void> => {
    const userId = requireParam(ctx.query, 'user_id');
    const toWebhook = booleanParam(ctx.query, 'to_webhook', true);
    const user = sandbox.requireUser(userId);
    if (toWebhook) requireWebhook(sandbox);
    // A request without dates costs one day under rule r2.
    const headers = await charge(sandbox, ctx, user, 1);
    if (!headers) return;
    if (toWebhook) {
      const reference = randomUUID();
      await sendJson(ctx, 200, acknowledgement('athlete', user, reference, false), headers);
      setImmediate(() =>
        sandbox.runBackground(`athlete delivery ${reference}`, () =>
          deliverAthlete(sandbox, user, reference),
        ),
      );
      return;
    }
    await sendJson(ctx, 200, { user, athlete: sandbox.athlete(user), type: 'athlete' }, headers);
  };
}

/** `GET /activity|body|daily|menstruation|nutrition|sleep` and `GET /athlete`. */
export function registerDataRoutes(router: Router, sandbox: SandboxRuntime): void {
  for (const type of DATA_TYPES) {
    router.addApi({ method: 'GET', path: `/${type}`, handler: dataHandler(sandbox, type) });
  }
  router.addApi({ method: 'GET', path: '/athlete', handler: athleteHandler(sandbox) });
}
