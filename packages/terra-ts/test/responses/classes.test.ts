import {
  AuthToken,
  Deleted,
  DetailedIntegrations,
  ProvidersResponse,
  SubscribedUsers,
  UserAuthUrl,
  UserDeauthResp,
  UserInfo,
  UserList,
  WidgetSession,
} from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { wireUser } from '../support/terra-for.js';

describe('parsed response classes', () => {
  it('ProvidersResponse reads sdk_providers', () => {
    const json = { status: 'success', providers: ['GARMIN'], sdk_providers: ['APPLE'] };
    const parsed = new ProvidersResponse(json);
    expect(parsed.kind).toBe('providers');
    expect(parsed.providers).toBe(json.providers);
    expect(parsed.sdk_providers).toBe(json.sdk_providers);
  });

  it('ProvidersResponse reads the legacy sdk_resource name', () => {
    const json = { status: 'success', providers: ['GARMIN'], sdk_resource: ['SAMSUNG'] };
    expect(new ProvidersResponse(json).sdk_providers).toBe(json.sdk_resource);
  });

  it('UserAuthUrl, WidgetSession, AuthToken and UserDeauthResp expose their wire fields', () => {
    const auth = new UserAuthUrl({ status: 'success', user_id: 'u', auth_url: 'https://x', expires_in: 900 });
    expect([auth.kind, auth.user_id, auth.auth_url, auth.expires_in]).toEqual([
      'auth_url',
      'u',
      'https://x',
      900,
    ]);
    const widget = new WidgetSession({
      session_id: 's',
      url: 'https://w',
      status: 'success',
      expires_in: 900,
    });
    expect([widget.kind, widget.session_id, widget.url]).toEqual(['widget_session', 's', 'https://w']);
    const token = new AuthToken({ status: 'success', token: 't', expires_in: 180 });
    expect([token.kind, token.token, token.expires_in]).toEqual(['auth_token', 't', 180]);
    expect(new UserDeauthResp({ status: 'success' }).kind).toBe('user_deauth');
  });

  it('SubscribedUsers reads the unpaginated form', () => {
    const json = { users: [wireUser('a'), wireUser('b')] };
    const parsed = new SubscribedUsers(json);
    expect(parsed.kind).toBe('subscribed_users');
    expect(parsed.users.map((u) => u.user_id)).toEqual(['a', 'b']);
    expect(parsed.users[0]?.json).toBe(json.users[0]);
    expect(parsed.next).toBeUndefined();
  });

  it('SubscribedUsers reads the paginated form', () => {
    const parsed = new SubscribedUsers({ data: { next: null, max_page: 3, results: [wireUser('c')] } });
    expect(parsed.users.map((u) => u.user_id)).toEqual(['c']);
    expect(parsed.next).toBeNull();
    expect(parsed.max_page).toBe(3);
  });

  it('UserInfo and UserList wrap users', () => {
    const info = new UserInfo({ user: wireUser('x'), status: 'success', is_authenticated: true });
    expect([info.kind, info.user.user_id, info.is_authenticated]).toEqual(['user_info', 'x', true]);
    const list = new UserList([wireUser('y')]);
    expect([list.kind, list.users[0]?.user_id]).toEqual(['user_list', 'y']);
  });

  it('DetailedIntegrations keeps providers by reference', () => {
    const json = {
      status: 'success',
      providers: [{ provider: 'OURA', enabled: true, types: { sleep: true } }],
    };
    expect(new DetailedIntegrations(json).providers).toBe(json.providers);
  });

  it('Deleted flags a 207 as partial', () => {
    expect(new Deleted(204, undefined).partial).toBe(false);
    const partial = new Deleted(207, { message: 'retry' });
    expect([partial.partial, partial.message]).toEqual([true, 'retry']);
  });
});
