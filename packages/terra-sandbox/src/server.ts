import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { applyRequestFaults, mergeFaults } from './faults/apply.js';
import { FaultParseError, parseFaults } from './faults/parse.js';
import type { FaultSpec } from './faults/types.js';
import { wantsHtml } from './http/accept.js';
import { checkCredentials } from './http/auth.js';
import type { RequestContext } from './http/context.js';
import { refuseCrossSite } from './http/cross-site.js';
import { HostPolicy } from './http/host-check.js';
import { HttpProblem } from './http/problem.js';
import { sendHtml, sendProblem } from './http/respond.js';
import { API_PREFIXES, type RouteMatch, Router } from './http/router.js';
import { renderNotFound } from './pages/landing-page.js';
import { PAGE_HEADERS } from './pages/page-response.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerControlRoutes } from './routes/control.js';
import { registerDataRoutes } from './routes/data.js';
import { registerIntegrationRoutes } from './routes/integrations.js';
import { registerLabReportRoutes } from './routes/lab-reports.js';
import { registerPageRoutes } from './routes/pages.js';
import { registerPlannedWorkoutRoutes } from './routes/planned-workouts.js';
import { registerUserRoutes } from './routes/users.js';
import { registerWorkoutRoutes } from './routes/workouts.js';
import type { SandboxRuntime } from './runtime.js';

/** The full route table: every Terra v2 endpoint, the control API and the pages. */
export function buildRouter(sandbox: SandboxRuntime): Router {
  const router = new Router();
  registerAuthRoutes(router, sandbox);
  registerDataRoutes(router, sandbox);
  registerUserRoutes(router, sandbox);
  registerIntegrationRoutes(router, sandbox);
  registerWorkoutRoutes(router, sandbox);
  registerPlannedWorkoutRoutes(router, sandbox);
  registerLabReportRoutes(router, sandbox);
  registerControlRoutes(router, sandbox);
  registerPageRoutes(router, sandbox);
  return router;
}

/** Splits `/api/v2/activity` or `/v2/activity` into the API path `/activity`; undefined for other paths. */
function apiPath(path: string): string | undefined {
  for (const prefix of API_PREFIXES) {
    if (path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '/')) {
      return path.slice(prefix.length) || '/';
    }
  }
  return undefined;
}

const NO_FAULT: FaultSpec = Object.freeze({});

/**
 * Creates the HTTP server (not yet listening) that serves `router` to requests whose `Host` header
 * `hosts` allows (loopback names only by default).
 */
export function createSandboxServer(
  sandbox: SandboxRuntime,
  router: Router,
  hosts: HostPolicy = new HostPolicy('127.0.0.1'),
): Server {
  const server = createServer((req, res) => {
    handle(sandbox, router, hosts, req, res).catch((err: unknown) => fail(res, err));
  });
  server.keepAliveTimeout = 30_000;
  return server;
}

async function handle(
  sandbox: SandboxRuntime,
  router: Router,
  hosts: HostPolicy,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const fullPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const api = apiPath(fullPath);
  const ctx: RequestContext = {
    req,
    res,
    method: req.method ?? 'GET',
    path: api ?? fullPath,
    rawUrl,
    query: new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1)),
    params: {},
    fault: NO_FAULT,
  };
  try {
    // Before anything else: a page on another site, or on a rebound DNS name, gets nowhere.
    hosts.check(req);
    refuseCrossSite(req, ctx.method);
    let match: RouteMatch;
    if (api !== undefined) {
      const fault = mergeFaults(sandbox.faults.take(), headerFaults(req));
      if (fault) {
        ctx.fault = fault;
        if (await applyRequestFaults(ctx, fault)) return;
      }
      match = router.matchApi(ctx.method, api);
    } else {
      match = router.matchRoot(ctx.method, fullPath);
    }
    if (match.kind === 'not_found') {
      if (wantsHtml(req)) {
        await sendHtml(ctx, 404, renderNotFound(ctx.method, fullPath).value, PAGE_HEADERS);
        return;
      }
      throw new HttpProblem(
        404,
        `no endpoint ${ctx.method} ${fullPath}; Terra's API lives under /v2 and /api/v2`,
      );
    }
    if (match.kind === 'method_not_allowed') {
      throw new HttpProblem(
        405,
        `${ctx.method} is not allowed on ${fullPath}; use ${match.allow.join(', ')}`,
        {
          allow: match.allow.join(', '),
        },
      );
    }
    const { route } = match;
    if (route.scope === 'control' || (route.scope === 'api' && !route.public)) {
      checkCredentials(req, sandbox);
    }
    ctx.params = match.params;
    await route.handler(ctx);
  } catch (err) {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    if (err instanceof HttpProblem) {
      await sendProblem(ctx, err.status, err.detail, err.headers);
      return;
    }
    await sendProblem(ctx, 500, `internal sandbox error: ${(err as Error)?.message ?? String(err)}`);
  }
}

function headerFaults(req: IncomingMessage): FaultSpec | undefined {
  const header = req.headers['x-sandbox-fault'];
  if (typeof header !== 'string' || header === '') return undefined;
  try {
    const { times, ...spec } = parseFaults(header);
    if (times !== undefined) {
      throw new HttpProblem(
        400,
        'x-sandbox-fault: times=N only applies to global faults (PUT /sandbox/api/faults); a header fault applies to its own request',
      );
    }
    return spec;
  } catch (err) {
    if (err instanceof FaultParseError) throw new HttpProblem(400, `x-sandbox-fault: ${err.message}`);
    throw err;
  }
}

function fail(res: ServerResponse, err: unknown): void {
  // Last resort: something threw while writing an error. Never leave the client hanging.
  if (!res.headersSent) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(`internal sandbox error: ${(err as Error)?.message ?? String(err)}`);
  } else {
    res.destroy();
  }
}
