import { FaultParseError } from '../faults/parse.js';
import { faultConfigFromJson } from '../faults/validate.js';
import { readJson } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import { asObject, optionalString } from '../http/json-input.js';
import { badRequest, notFound } from '../http/problem.js';
import { booleanParam } from '../http/query.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import type { SandboxRuntime } from '../runtime.js';
import type { Delivery } from '../state/types.js';
import { TRIGGERABLE_EVENTS, type TriggerableEvent } from '../webhooks/event-payloads.js';
import { resendDelivery } from '../webhooks/resend.js';
import { checkWebhookUrl, WebhookUrlError } from '../webhooks/webhook-url.js';
import { registerLiveControlRoutes } from './live-control.js';

/** Root of the control API. */
export const CONTROL_PREFIX = '/sandbox/api';

function withoutPayload(d: Delivery): Omit<Delivery, 'payload'> & { payload_bytes: number } {
  const { payload, ...rest } = d;
  return { ...rest, payload_bytes: Buffer.byteLength(payload) };
}

async function createUser(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const body = asObject(await readJson(ctx.req), 'user');
  const provider = optionalString(body, 'provider');
  if (!provider) throw badRequest('provider is required, e.g. {"provider":"GARMIN","reference_id":"me"}');
  const input: Parameters<SandboxRuntime['createUser']>[0] = { provider };
  const referenceId = optionalString(body, 'reference_id');
  const userId = optionalString(body, 'user_id');
  if (referenceId !== undefined) input.reference_id = referenceId;
  if (userId !== undefined) input.user_id = userId;
  await sendJson(ctx, 201, sandbox.createUser(input));
}

async function triggerEvent(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const type = ctx.params.type as string;
  if (!(TRIGGERABLE_EVENTS as readonly string[]).includes(type)) {
    throw badRequest(
      `cannot trigger ${JSON.stringify(type)}; triggerable events: ${TRIGGERABLE_EVENTS.join(', ')}`,
    );
  }
  const body = asObject(await readJson(ctx.req), 'event request');
  const userId = optionalString(body, 'user_id');
  if (!userId) throw badRequest('user_id is required, e.g. {"user_id":"..."}');
  const delivery = sandbox.triggerEvent(type as TriggerableEvent, userId);
  await sendJson(ctx, 202, withoutPayload(delivery));
}

async function putFaults(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  try {
    sandbox.faults.set(faultConfigFromJson((await readJson(ctx.req)) ?? {}));
  } catch (err) {
    if (err instanceof FaultParseError) throw badRequest(err.message);
    throw err;
  }
  await sendJson(ctx, 200, sandbox.faults.current());
}

async function putWebhookUrl(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const body = asObject(await readJson(ctx.req), 'webhook-url request');
  const url = body.url;
  if (url === null) {
    sandbox.webhookUrl = undefined;
  } else {
    try {
      sandbox.webhookUrl = checkWebhookUrl(url, 'url');
    } catch (err) {
      if (err instanceof WebhookUrlError) throw badRequest(`${err.message}; or {"url":null} to unset`);
      throw err;
    }
  }
  await sendJson(ctx, 200, { url: sandbox.webhookUrl ?? null });
}

/**
 * The control API under `/sandbox/api` (same credentials as the Terra API): users, deliveries,
 * triggered events, faults and the webhook URL. Tests and the CLI drive the sandbox through it.
 */
export function registerControlRoutes(router: Router, sandbox: SandboxRuntime): void {
  const add = (method: string, path: string, handler: (ctx: RequestContext) => Promise<void>) =>
    router.addControl({ method, path: `${CONTROL_PREFIX}${path}`, handler });

  add('GET', '/users', (ctx) => sendJson(ctx, 200, { users: sandbox.users.list() }));
  add('POST', '/users', (ctx) => createUser(sandbox, ctx));
  add('GET', '/users/:userId', (ctx) => sendJson(ctx, 200, sandbox.requireUser(ctx.params.userId as string)));
  add('DELETE', '/users/:userId', async (ctx) => {
    const userId = ctx.params.userId as string;
    if (!sandbox.users.get(userId)) throw notFound(`user not found: no user with user_id ${userId}`);
    sandbox.users.delete(userId);
    await sendEmpty(ctx, 204);
  });
  add('GET', '/deliveries', (ctx) => {
    const full = booleanParam(ctx.query, 'include_payload', false);
    const list = sandbox.deliveries.list();
    const { dropped, droppedBytes } = sandbox.deliveries.stats();
    return sendJson(ctx, 200, {
      deliveries: full ? list : list.map(withoutPayload),
      dropped,
      dropped_bytes: droppedBytes,
    });
  });
  add('GET', '/deliveries/:id', (ctx) => {
    const delivery = sandbox.deliveries.get(ctx.params.id as string);
    if (!delivery) throw notFound(`delivery not found: ${ctx.params.id}`);
    return sendJson(ctx, 200, delivery);
  });
  add('POST', '/deliveries/:id/resend', (ctx) =>
    sendJson(ctx, 201, withoutPayload(resendDelivery(sandbox, ctx.params.id as string))),
  );
  add('POST', '/events/:type', (ctx) => triggerEvent(sandbox, ctx));
  add('GET', '/faults', (ctx) => sendJson(ctx, 200, sandbox.faults.current()));
  add('PUT', '/faults', (ctx) => putFaults(sandbox, ctx));
  add('GET', '/webhook-url', (ctx) => sendJson(ctx, 200, { url: sandbox.webhookUrl ?? null }));
  add('PUT', '/webhook-url', (ctx) => putWebhookUrl(sandbox, ctx));
  registerLiveControlRoutes(add, sandbox);
}
