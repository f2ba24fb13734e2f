import { readJson } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import { badRequest, notFound } from '../http/problem.js';
import { integerParam } from '../http/query.js';
import { sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import type { SandboxRuntime } from '../runtime.js';

/** Terra's default page size for `/subscriptions`. */
const DEFAULT_PER_PAGE = 500;

async function userInfo(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const userId = ctx.query.get('user_id');
  const referenceId = ctx.query.get('reference_id');
  if (userId) {
    const user = sandbox.requireUser(userId);
    await sendJson(ctx, 200, {
      user: { ...user, last_polled_at: user.last_webhook_update, most_recent_data_at: null },
      status: 'success',
      is_authenticated: user.active,
    });
    return;
  }
  if (referenceId) {
    await sendJson(ctx, 200, sandbox.users.byReference(referenceId));
    return;
  }
  throw badRequest('pass user_id or reference_id');
}

async function subscriptions(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const page = integerParam(ctx.query, 'page', undefined);
  const perPage = integerParam(ctx.query, 'per_page', DEFAULT_PER_PAGE, 1) as number;
  const users = sandbox.users.list();
  if (page === undefined) {
    await sendJson(ctx, 200, { users });
    return;
  }
  const maxPage = Math.max(0, Math.ceil(users.length / perPage) - 1);
  const results = users.slice(page * perPage, (page + 1) * perPage);
  await sendJson(ctx, 200, { data: { next: page < maxPage ? page + 1 : null, max_page: maxPage, results } });
}

async function bulkUserInfo(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const body = await readJson(ctx.req);
  if (!Array.isArray(body) || !body.every((id) => typeof id === 'string')) {
    throw badRequest('body must be a JSON array of user_id strings');
  }
  const users = body.map((id) => sandbox.users.get(id)).filter((u) => u !== undefined);
  if (body.length > 0 && users.length === 0) throw notFound('user not found: none of the user_ids exist');
  await sendJson(ctx, 200, users);
}

/** `GET /userInfo`, `GET /subscriptions`, `POST /bulkUserInfo`. */
export function registerUserRoutes(router: Router, sandbox: SandboxRuntime): void {
  router.addApi({ method: 'GET', path: '/userInfo', handler: (ctx) => userInfo(sandbox, ctx) });
  router.addApi({ method: 'GET', path: '/subscriptions', handler: (ctx) => subscriptions(sandbox, ctx) });
  router.addApi({ method: 'POST', path: '/bulkUserInfo', handler: (ctx) => bulkUserInfo(sandbox, ctx) });
}
