import { NotFoundError, TerraInvalidArgumentError, User } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { terraFor, wireUser } from '../support/terra-for.js';
import type { Handler } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

const server = useTestServer();

const userInfoHandler: Handler = (req) => {
  const id = req.query.get('user_id');
  if (id === 'known') return { body: { user: wireUser('known'), status: 'success', is_authenticated: true } };
  if (req.query.get('reference_id') === 'ref-1') return { body: [wireUser('a'), wireUser('b', 'OURA')] };
  return {
    status: 404,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({
      type: 'about:blank',
      title: 'not found',
      instance: req.path,
      detail: 'user not found',
    }),
  };
};

describe('getUserInfo and fromUserId', () => {
  it('GETs /userInfo?user_id= and parses UserInfo with a bound user', async () => {
    server.setHandler(userInfoHandler);
    const res = await terraFor(server).getUserInfo({ userId: 'known' });
    expect(server.requests[0]?.path).toBe('/v2/userInfo');
    expect(server.requests[0]?.query.get('user_id')).toBe('known');
    const parsed = res.getParsedResponse();
    expect(parsed.kind).toBe('user_info');
    expect(parsed.is_authenticated).toBe(true);
    expect(parsed.user.provider).toBe('GARMIN');
  });

  it('GETs /userInfo?reference_id= and parses the list of matching users', async () => {
    server.setHandler(userInfoHandler);
    const res = await terraFor(server).getUserInfo({ referenceId: 'ref-1' });
    expect(server.requests[0]?.query.get('reference_id')).toBe('ref-1');
    expect(server.requests[0]?.query.has('user_id')).toBe(false);
    expect(res.getParsedResponse().users.map((u) => u.provider)).toEqual(['GARMIN', 'OURA']);
  });

  it('needs exactly one of userId and referenceId', async () => {
    const terra = terraFor(server);
    // @ts-expect-error: one of them is required
    await expect(terra.getUserInfo({})).rejects.toBeInstanceOf(TerraInvalidArgumentError);
    // @ts-expect-error: not both
    await expect(terra.getUserInfo({ userId: 'a', referenceId: 'b' })).rejects.toThrow(/exactly one/);
    expect(server.requests).toHaveLength(0);
  });

  it('fromUserId returns a User filled from /userInfo and bound to the client', async () => {
    server.setHandler((req) =>
      req.path === '/v2/userInfo'
        ? userInfoHandler(req)
        : { body: { status: 'success', type: 'sleep', reference: 'r1', user: wireUser('known') } },
    );
    const user = await terraFor(server).fromUserId('known');
    expect(user).toBeInstanceOf(User);
    expect([user.user_id, user.provider, user.reference_id, user.scopes, user.active]).toEqual([
      'known',
      'GARMIN',
      'ref-1',
      'sleep,activity',
      true,
    ]);
    expect(user.last_webhook_update).toBe('2024-01-02T00:00:00+00:00');
    expect(user.created_at).toBe('2023-01-01T00:00:00+00:00');
    await user.getSleep({ startDate: '2024-01-01' });
    expect(server.requests.at(-1)?.path).toBe('/v2/sleep');
  });

  it('fromUserId rejects an unknown user with NotFoundError', async () => {
    server.setHandler(userInfoHandler);
    const error = await terraFor(server)
      .fromUserId('nobody')
      .catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('user not found');
  });

  it('fromUserId rejects a number as user id before sending', async () => {
    const notAnId = 123 as unknown as string;
    const error = await terraFor(server)
      .fromUserId(notAnId)
      .catch((e) => e);
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect(error.argument).toBe('userId');
  });
});

describe('bulkUserInfo', () => {
  it('POSTs the ids as a JSON array to /bulkUserInfo', async () => {
    server.setHandler(() => ({ body: [wireUser('a'), wireUser('b')] }));
    const res = await terraFor(server).bulkUserInfo(['a', 'b']);
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.path).toBe('/v2/bulkUserInfo');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(['a', 'b']);
    expect(res.getParsedResponse().users.map((u) => u.user_id)).toEqual(['a', 'b']);
  });

  it('rejects an empty list or a non-string id', async () => {
    const terra = terraFor(server);
    await expect(terra.bulkUserInfo([])).rejects.toThrow(/non-empty array/);
    // @ts-expect-error: ids are strings
    await expect(terra.bulkUserInfo(['a', 5])).rejects.toThrow(/userIds\[1\]/);
  });
});

describe('listUsers and iterateUsers', () => {
  it('GETs /subscriptions without paging by default, users bound to the client', async () => {
    server.setHandler(() => ({ body: { users: [wireUser('a')] } }));
    const terra = terraFor(server);
    const res = await terra.listUsers();
    expect(server.requests[0]?.path).toBe('/v2/subscriptions');
    expect([...(server.requests[0]?.query.keys() ?? [])]).toEqual([]);
    const user = res.getParsedResponse().users[0];
    server.setHandler(() => ({ body: { status: 'success', type: 'body', reference: 'r' } }));
    await user?.getBody({ startDate: '2024-01-01' });
    expect(server.requests.at(-1)?.path).toBe('/v2/body');
  });

  it('sends page and per_page when given', async () => {
    server.setHandler(() => ({ body: { data: { next: 2, max_page: 4, results: [] } } }));
    const res = await terraFor(server).listUsers({ page: 1, perPage: 10 });
    expect(server.requests[0]?.query.toString()).toBe('page=1&per_page=10');
    expect(res.getParsedResponse().next).toBe(2);
  });

  it('rejects a negative page', async () => {
    await expect(terraFor(server).listUsers({ page: -1 })).rejects.toThrow(/page must be a whole number/);
  });

  it('iterateUsers walks every page in order', async () => {
    const pages = [
      { next: 1, results: [wireUser('a'), wireUser('b')] },
      { next: 2, results: [wireUser('c')] },
      { next: null, results: [wireUser('d')] },
    ];
    server.setHandler((req) => {
      const page = pages[Number(req.query.get('page'))];
      return { body: { data: { ...page, max_page: 2 } } };
    });
    const ids: string[] = [];
    for await (const user of terraFor(server).iterateUsers({ perPage: 2 })) ids.push(user.user_id);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect(server.requests.map((r) => r.query.toString())).toEqual([
      'page=0&per_page=2',
      'page=1&per_page=2',
      'page=2&per_page=2',
    ]);
  });

  it('iterateUsers stops after one request when the server does not paginate', async () => {
    server.setHandler(() => ({ body: { users: [wireUser('a')] } }));
    const ids: string[] = [];
    for await (const user of terraFor(server).iterateUsers()) ids.push(user.user_id);
    expect(ids).toEqual(['a']);
    expect(server.requests).toHaveLength(1);
  });
});
