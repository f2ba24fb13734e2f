import { optionalInteger, optionsObject } from '../client/arguments.js';
import { arrayBody, objectBody } from '../client/json-shape.js';
import type { RequestOptions } from '../client/options.js';
import { buildQuery } from '../client/query.js';
import { request } from '../client/request.js';
import { NotFoundError } from '../errors/status-errors.js';
import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import type { TerraUser } from '../models/index.js';
import { SubscribedUsers } from '../responses/subscribed-users.js';
import { UserInfo, type UserInfoJson } from '../responses/user-info.js';
import { UserList } from '../responses/user-list.js';
import type { User } from '../user.js';
import type { ClientContext } from './client-context.js';
import { userIdOf } from './user-id.js';

/** Which user(s) `getUserInfo` looks up: by Terra user id, or by your reference id (may match several). */
export type UserInfoQuery =
  | { userId: string; referenceId?: undefined }
  | { referenceId: string; userId?: undefined };

/** Pagination of `listUsers`. */
export interface ListUsersParams {
  /** Zero-based page; omitted means every user in one response. */
  page?: number;
  /** Users per page (Terra's default 500). */
  perPage?: number;
}

/** `GET /userInfo?user_id=`: one user. */
export function getUserInfoById(ctx: ClientContext, userId: string, options?: RequestOptions) {
  return request(
    ctx.config,
    { method: 'GET', path: '/userInfo', query: buildQuery({ user_id: userId }) },
    (json, status) => parseUserInfo(json, status, ctx),
    options,
  );
}

/** `GET /userInfo?reference_id=`: every connection with that reference id. */
export function getUsersByReference(ctx: ClientContext, referenceId: string, options?: RequestOptions) {
  return request(
    ctx.config,
    { method: 'GET', path: '/userInfo', query: buildQuery({ reference_id: referenceId }) },
    (json) => new UserList(arrayBody<TerraUser>(json), ctx.client),
    options,
  );
}

/** Validates the `getUserInfo` argument. */
export function checkUserInfoQuery(query: unknown): UserInfoQuery {
  const q = optionsObject(query as UserInfoQuery | undefined, 'query', true);
  const hasId = q.userId !== undefined;
  const hasRef = q.referenceId !== undefined;
  if (hasId === hasRef) {
    throw new TerraInvalidArgumentError(
      'query',
      'getUserInfo needs exactly one of { userId } (Terra user id) or { referenceId } (your id for the user)',
    );
  }
  if (hasId) return { userId: userIdOf(q.userId, 'userId') };
  if (typeof q.referenceId !== 'string' || q.referenceId.trim() === '') {
    throw new TerraInvalidArgumentError('referenceId', 'referenceId must be a non-empty string');
  }
  return { referenceId: q.referenceId };
}

// A legacy `{ status: 'error' }` 200 means the user is unknown; the old Python client raised on it too.
function parseUserInfo(json: unknown, status: number, ctx: ClientContext): UserInfo {
  const body = objectBody<UserInfoJson>(json);
  if (body.status === 'error' || typeof body.user !== 'object' || body.user === null) {
    throw new NotFoundError({
      status,
      headers: new Headers(),
      body,
      problem: {
        status: 'error',
        message: typeof body.message === 'string' ? body.message : 'user not found',
      },
      request: 'GET /userInfo',
    });
  }
  return new UserInfo(body, ctx.client);
}

/** `GET /userInfo` then the user, bound to the client. */
export async function fromUserId(
  ctx: ClientContext,
  userId: string,
  options?: RequestOptions,
): Promise<User> {
  const res = await getUserInfoById(ctx, userIdOf(userId, 'userId'), options);
  return res.getParsedResponse().user;
}

/** `POST /bulkUserInfo`: several users by id (a read, so retried like a GET). */
export function bulkUserInfo(ctx: ClientContext, userIds: readonly string[], options?: RequestOptions) {
  if (!Array.isArray(userIds) || userIds.length === 0) {
    throw new TerraInvalidArgumentError(
      'userIds',
      'userIds must be a non-empty array of Terra user_id strings',
    );
  }
  const ids = userIds.map((id, i) => userIdOf(id, `userIds[${i}]`));
  return request(
    ctx.config,
    { method: 'POST', path: '/bulkUserInfo', body: ids, idempotent: true },
    (json) => new UserList(arrayBody<TerraUser>(json), ctx.client),
    options,
  );
}

/** `GET /subscriptions`, optionally one page. */
export function listUsers(ctx: ClientContext, params?: ListUsersParams, options?: RequestOptions) {
  const p = optionsObject(params, 'params', false);
  const query = buildQuery({
    page: optionalInteger(p.page, 'page', 0),
    per_page: optionalInteger(p.perPage, 'perPage', 1),
  });
  return request(
    ctx.config,
    { method: 'GET', path: '/subscriptions', query },
    (json) => new SubscribedUsers(objectBody(json), ctx.client),
    options,
  );
}

/** Every user across every page of `/subscriptions`, page by page. */
export async function* iterateUsers(
  ctx: ClientContext,
  params?: { perPage?: number },
  options?: RequestOptions,
): AsyncGenerator<User, void, undefined> {
  const perPage = optionsObject(params, 'params', false).perPage;
  let page: number | null | undefined = 0;
  const seen = new Set<number>();
  while (typeof page === 'number' && !seen.has(page)) {
    seen.add(page);
    const res = await listUsers(ctx, { page, perPage }, options);
    const parsed = res.getParsedResponse();
    yield* parsed.users;
    page = parsed.next;
  }
}
