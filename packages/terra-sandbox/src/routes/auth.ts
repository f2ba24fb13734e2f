import { randomBytes, randomUUID } from 'node:crypto';
import { readJson } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import { asObject, optionalString } from '../http/json-input.js';
import { badRequest } from '../http/problem.js';
import { requireParam } from '../http/query.js';
import { sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import { findProvider, PROVIDERS } from '../providers/index.js';
import type { SandboxRuntime } from '../runtime.js';
import { SESSION_LIFETIME_SECONDS } from '../state/sessions.js';

/** Mobile SDK tokens live three minutes, as Terra's do. */
const AUTH_TOKEN_LIFETIME_SECONDS = 180;

function knownProvider(resource: string): string {
  const provider = findProvider(resource);
  if (!provider) {
    throw badRequest(
      `unknown provider ${JSON.stringify(resource)}; GET /v2/integrations lists the valid ones`,
    );
  }
  return provider.provider;
}

function redirectFields(body: Record<string, unknown>) {
  return {
    reference_id: optionalString(body, 'reference_id') ?? null,
    auth_success_redirect_url: optionalString(body, 'auth_success_redirect_url') ?? null,
    auth_failure_redirect_url: optionalString(body, 'auth_failure_redirect_url') ?? null,
    language: optionalString(body, 'language') ?? null,
  };
}

async function authenticateUser(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const provider = knownProvider(requireParam(ctx.query, 'resource'));
  const body = asObject(await readJson(ctx.req), 'authenticateUser body');
  const userId = randomUUID();
  const session = sandbox.sessions.create({
    kind: 'auth_url',
    providers: [provider],
    user_id: userId,
    ...redirectFields(body),
  });
  const authUrl = `${sandbox.origin}/widget/${session.session_id}/${provider}`;
  await sendJson(ctx, 200, { status: 'success', user_id: userId, auth_url: authUrl });
}

async function generateWidgetSession(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const body = asObject(await readJson(ctx.req), 'generateWidgetSession body');
  const list = optionalString(body, 'providers');
  const providers =
    list === undefined || list.trim() === ''
      ? PROVIDERS.map((p) => p.provider)
      : list
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p !== '')
          .map(knownProvider);
  const session = sandbox.sessions.create({ kind: 'widget', providers, ...redirectFields(body) });
  await sendJson(ctx, 200, {
    session_id: session.session_id,
    url: `${sandbox.origin}/widget/${session.session_id}`,
    status: 'success',
    expires_in: SESSION_LIFETIME_SECONDS,
  });
}

async function deauthenticateUser(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  sandbox.deauthenticate(requireParam(ctx.query, 'user_id'));
  await sendJson(ctx, 200, { status: 'success' });
}

/** The `auth/*` endpoints: connect links, widget sessions, deauthentication, SDK tokens. */
export function registerAuthRoutes(router: Router, sandbox: SandboxRuntime): void {
  router.addApi({
    method: 'POST',
    path: '/auth/authenticateUser',
    handler: (ctx) => authenticateUser(sandbox, ctx),
  });
  router.addApi({
    method: 'POST',
    path: '/auth/generateWidgetSession',
    handler: (ctx) => generateWidgetSession(sandbox, ctx),
  });
  router.addApi({
    method: 'DELETE',
    path: '/auth/deauthenticateUser',
    handler: (ctx) => deauthenticateUser(sandbox, ctx),
  });
  router.addApi({
    method: 'POST',
    path: '/auth/generateAuthToken',
    handler: (ctx) =>
      sendJson(ctx, 200, {
        status: 'success',
        token: randomBytes(32).toString('hex'),
        expires_in: AUTH_TOKEN_LIFETIME_SECONDS,
      }),
  });
}
