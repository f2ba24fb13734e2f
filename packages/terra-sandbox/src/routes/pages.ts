import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { wantsHtml } from '../http/accept.js';
import { checkCredentials } from '../http/auth.js';
import { readBody } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import { HttpProblem } from '../http/problem.js';
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
  storeJson,
  storePartial,
  usersJson,
  usersPartial,
} from '../pages/dashboard-handlers.js';
import { renderErrorPage } from '../pages/error-page.js';
import { renderDocs, renderLanding } from '../pages/landing-page.js';
import { assetResponse, htmlResponse, jsonResponse, type PageResponse } from '../pages/page-response.js';
import { providerIconSvg } from '../pages/provider-icon.js';
import { WIDGET_PROVIDERS } from '../pages/provider-names.js';
import type { SandboxRuntime } from '../runtime.js';
import { resendDelivery } from '../webhooks/resend.js';

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

  // The dashboard page is public (a person opens it); the data behind it needs this per-start token,
  // which only a page served here can read (other sites cannot read our pages; rebound names get 421).
  const token = randomBytes(24).toString('base64url');
  const data = (path: string, handler: (ctx: RequestContext) => PageResponse | Promise<PageResponse>) =>
    page(path, (ctx) => {
      requireDashboardAccess(ctx, sandbox, token);
      return handler(ctx);
    });

  page('/dashboard', (ctx) => showDashboard(sandbox, ctx.query, token));
  data('/dashboard/partials/users', (ctx) => usersPartial(sandbox, ctx.query));
  data('/dashboard/partials/deliveries', () => deliveriesPartial(sandbox));
  data('/dashboard/partials/store', () => storePartial(sandbox));
  data('/dashboard/api/users', () => usersJson(sandbox));
  data('/dashboard/api/store', () => storeJson(sandbox));
  data('/dashboard/api/users/:userId/charts', (ctx) => chartsJson(sandbox, param(ctx, 'userId'), ctx.query));
  data('/dashboard/api/deliveries', () => deliveriesJson(sandbox));
  data('/dashboard/api/deliveries/:id', (ctx) => deliveryJson(sandbox, param(ctx, 'id')));
  router.add({
    method: 'POST',
    path: '/dashboard/api/deliveries/:id/resend',
    handler: async (ctx) => {
      requireDashboardAccess(ctx, sandbox, token);
      await reply(ctx, jsonResponse(201, resendDelivery(sandbox, param(ctx, 'id'))));
    },
  });

  page('/', (ctx) =>
    wantsHtml(ctx.req)
      ? htmlResponse(200, renderLanding(sandbox.origin))
      : jsonResponse(200, {
          api_base_url: `${sandbox.origin}/v2`,
          dashboard_url: `${sandbox.origin}/dashboard`,
          control_api_url: `${sandbox.origin}/sandbox/api`,
          docs_url: `${sandbox.origin}/docs`,
        }),
  );
  page('/docs', () => htmlResponse(200, renderDocs(readme())));

  page('/assets/providers/:file', (ctx) => {
    const svg = providerIconSvg(param(ctx, 'file'));
    return svg ? assetResponse('image/svg+xml; charset=utf-8', svg) : assetNotFound();
  });
  page('/assets/:file', (ctx) => assets.get(param(ctx, 'file')) ?? assetNotFound());
}

/** Header the dashboard's script sends its page's token in. */
export const DASHBOARD_TOKEN_HEADER = 'x-sandbox-dashboard-token';

function requireDashboardAccess(ctx: RequestContext, sandbox: SandboxRuntime, token: string): void {
  const given = ctx.req.headers[DASHBOARD_TOKEN_HEADER];
  if (typeof given === 'string' && sameText(given, token)) return;
  if (ctx.req.headers['x-api-key'] === undefined && ctx.req.headers['dev-id'] === undefined) {
    throw new HttpProblem(
      401,
      `the dashboard's data needs the ${DASHBOARD_TOKEN_HEADER} its page carries (open or reload /dashboard), ` +
        'or the sandbox credentials in x-api-key and dev-id',
    );
  }
  checkCredentials(ctx.req, sandbox);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

let readmeText: string | undefined;

// The package's README.md, one level above dist/ (built) or two above src/routes/ (source); read once.
function readme(): string {
  if (readmeText !== undefined) return readmeText;
  for (const candidate of ['../README.md', '../../README.md']) {
    try {
      const text = readFileSync(new URL(candidate, import.meta.url), 'utf8');
      if (text.startsWith('# terra-sandbox')) {
        readmeText = text;
        return text;
      }
    } catch {
      // not at this location; try the next
    }
  }
  readmeText = 'The README is not installed with this copy of terra-sandbox; see its package page on npm.';
  return readmeText;
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
