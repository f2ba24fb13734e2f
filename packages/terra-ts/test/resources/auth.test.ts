import { TerraInvalidArgumentError, User } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { terraFor, wireUser } from '../support/terra-for.js';
import type { Reply } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

let reply: Reply = {};
const server = useTestServer(() => reply);

describe('generateAuthenticationUrl', () => {
  it('POSTs /auth/authenticateUser with the provider in the query and the rest as snake_case JSON', async () => {
    reply = { body: { status: 'success', user_id: 'u-1', auth_url: 'https://auth' } };
    const res = await terraFor(server).generateAuthenticationUrl({
      resource: 'GARMIN',
      authSuccessRedirectUrl: 'https://ok',
      authFailureRedirectUrl: 'https://ko',
      referenceId: 'me@x',
      language: 'en',
    });
    const req = server.requests[0];
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v2/auth/authenticateUser');
    expect(req?.query.get('resource')).toBe('GARMIN');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({
      language: 'en',
      reference_id: 'me@x',
      auth_success_redirect_url: 'https://ok',
      auth_failure_redirect_url: 'https://ko',
    });
    expect(res.getParsedResponse().kind).toBe('auth_url');
    expect(res.getParsedResponse().auth_url).toBe('https://auth');
  });

  it('leaves out options that were not given instead of sending nulls', async () => {
    reply = { body: { status: 'success', user_id: 'u', auth_url: 'a' } };
    await terraFor(server).generateAuthenticationUrl({ resource: 'OURA' });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({});
  });

  it('rejects a missing resource before sending anything', async () => {
    const error = await terraFor(server)
      // @ts-expect-error: resource is required
      .generateAuthenticationUrl({})
      .catch((e) => e);
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect(error.argument).toBe('resource');
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a referenceId of the wrong type', async () => {
    const error = await terraFor(server)
      // @ts-expect-error: referenceId must be a string
      .generateAuthenticationUrl({ resource: 'GARMIN', referenceId: 42 })
      .catch((e) => e);
    expect(error.argument).toBe('referenceId');
  });
});

describe('generateWidgetSession', () => {
  it('POSTs /auth/generateWidgetSession with providers joined by commas', async () => {
    reply = { body: { session_id: 's', url: 'https://widget', status: 'success', expires_in: 900 } };
    const res = await terraFor(server).generateWidgetSession({
      providers: ['GARMIN', 'OURA'],
      referenceId: 'r',
      language: 'en',
      authSuccessRedirectUrl: 'https://ok',
    });
    const req = server.requests[0];
    expect([req?.method, req?.path]).toEqual(['POST', '/v2/auth/generateWidgetSession']);
    expect(JSON.parse(req?.body ?? '')).toEqual({
      providers: 'GARMIN,OURA',
      reference_id: 'r',
      language: 'en',
      auth_success_redirect_url: 'https://ok',
    });
    expect(res.getParsedResponse().url).toBe('https://widget');
  });

  it('omits providers when the list is empty (all providers)', async () => {
    reply = { body: { session_id: 's', url: 'u', status: 'success' } };
    await terraFor(server).generateWidgetSession({ providers: [] });
    await terraFor(server).generateWidgetSession();
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({});
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({});
  });

  it('rejects providers given as a string', async () => {
    const error = await terraFor(server)
      // @ts-expect-error: providers is an array
      .generateWidgetSession({ providers: 'GARMIN' })
      .catch((e) => e);
    expect(error.argument).toBe('providers');
  });
});

describe('deauthenticateUser and generateAuthToken', () => {
  it('DELETEs /auth/deauthenticateUser?user_id= for a user id or a User', async () => {
    reply = { body: { status: 'success' } };
    const terra = terraFor(server);
    const res = await terra.deauthenticateUser('u-7');
    await terra.deauthenticateUser(new User(wireUser('u-8'), terra));
    expect(server.requests.map((r) => [r.method, r.path, r.query.get('user_id')])).toEqual([
      ['DELETE', '/v2/auth/deauthenticateUser', 'u-7'],
      ['DELETE', '/v2/auth/deauthenticateUser', 'u-8'],
    ]);
    expect(res.getParsedResponse().kind).toBe('user_deauth');
  });

  it('rejects an empty user id or a number', async () => {
    const terra = terraFor(server);
    await expect(terra.deauthenticateUser('')).rejects.toThrow(/user must be a User or a non-empty/);
    // @ts-expect-error: a number is not a user id
    await expect(terra.deauthenticateUser(42)).rejects.toBeInstanceOf(TerraInvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it('POSTs /auth/generateAuthToken with no body', async () => {
    reply = { body: { status: 'success', token: 'tok', expires_in: 180 } };
    const res = await terraFor(server).generateAuthToken();
    expect([server.requests[0]?.method, server.requests[0]?.path, server.requests[0]?.body]).toEqual([
      'POST',
      '/v2/auth/generateAuthToken',
      '',
    ]);
    expect(res.getParsedResponse().token).toBe('tok');
  });
});
