import { readBody } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import { send } from '../http/respond.js';
import type { Router } from '../http/router.js';
import { loadAssets } from '../pages/assets.js';
import { type ConnectFlowBackend, decideConsent, showConsent, showSession } from '../pages/connect-flow.js';
import {
  chartsJson,
  deliveriesJson,
  deliveriesPartial,
  deliveryJson,
  showDashboard,
  usersJson,
  usersPartial,
} from '../pages/dashboard-handlers.js';
import { renderErrorPage } from '../pages/error-page.js';
import { assetResponse, htmlResponse, type PageResponse } from '../pages/page-response.js';
import { providerIconSvg } from '../pages/provider-icon.js';
import { WIDGET_PROVIDERS } from '../pages/provider-names.js';
import type { SandboxRuntime } from '../runtime.js';

// A consent form carries one field; anything bigger is not our form.
const FORM_BODY_LIMIT = 16 * 1024;

function reply(ctx: RequestContext, page: PageResponse): Promise<void> {
  return send(
    ctx,
    page.status,
    page.headers,
    typeof page.body === 'string' || Buffer.isBuffer(page.body) ? page.body : Buffer.from(page.body),
  );
}

function param(ctx: RequestContext, name: string): string {
  return ctx.params[name] ?? '';
}

function connectBackend(sandbox: SandboxRuntime): ConnectFlowBackend {
  return {
    findSession(sessionId) {
      // The store forgets a session once asked about it after expiry; asking about time 0 finds it
      // whatever its expiry, so an expired link can say so (410) instead of looking unknown (404).
      const session = sandbox.sessions.get(sessionId, 0);
      if (!session) return undefined;
      return { session, expired: Date.parse(session.expires_at) <= Date.now() };
    },
    connectUser: (sessionId, provider) => sandbox.connectUser(sessionId, provider),
    cancelConnect: (sessionId, reason) => sandbox.cancelConnect(sessionId, reason),
  };
}

/**
 * Registers the browser pages: the connect flow under `/widget/`, the dashboard under `/dashboard`
 * and their static files under `/assets/`.
 */
export function registerPageRoutes(router: Router, sandbox: SandboxRuntime): void {
  const assets = loadAssets();
  const providers = WIDGET_PROVIDERS;
  const connect = connectBackend(sandbox);
  const page = (path: string, handler: (ctx: RequestContext) => PageResponse | Promise<PageResponse>) =>
    router.add({ method: 'GET', path, handler: async (ctx) => reply(ctx, await handler(ctx)) });

  page('/widget/:sessionId', (ctx) => showSession(connect, param(ctx, 'sessionId'), providers));
  page('/widget/:sessionId/:provider', (ctx) =>
    showConsent(connect, param(ctx, 'sessionId'), param(ctx, 'provider'), providers),
  );
  router.add({
    method: 'POST',
    path: '/widget/:sessionId/:provider',
    handler: async (ctx) => {
      const body = await readBody(ctx.req, FORM_BODY_LIMIT);
      const sessionId = param(ctx, 'sessionId');
      await reply(
        ctx,
        decideConsent(connect, sessionId, param(ctx, 'provider'), body.toString('utf8'), providers),
      );
    },
  });

  page('/dashboard', (ctx) => showDashboard(sandbox, ctx.query));
  page('/dashboard/partials/users', (ctx) => usersPartial(sandbox, ctx.query));
  page('/dashboard/partials/deliveries', () => deliveriesPartial(sandbox));
  page('/dashboard/api/users', () => usersJson(sandbox));
  page('/dashboard/api/users/:userId/charts', (ctx) => chartsJson(sandbox, param(ctx, 'userId'), ctx.query));
  page('/dashboard/api/deliveries', () => deliveriesJson(sandbox));
  page('/dashboard/api/deliveries/:id', (ctx) => deliveryJson(sandbox, param(ctx, 'id')));

  page('/assets/providers/:file', (ctx) => {
    const svg = providerIconSvg(param(ctx, 'file'));
    return svg ? assetResponse('image/svg+xml; charset=utf-8', svg) : assetNotFound();
  });
  page('/assets/:file', (ctx) => assets.get(param(ctx, 'file')) ?? assetNotFound());
}

function assetNotFound(): PageResponse {
  return htmlResponse(
    404,
    renderErrorPage({
      title: 'Not found',
      message: 'There is no such asset.',
      action: 'The pages load their files themselves; nothing here is meant to be opened by hand.',
    }),
  );
}
