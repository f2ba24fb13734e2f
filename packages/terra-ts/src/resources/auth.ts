import { optionalString, optionsObject, requireString } from '../client/arguments.js';
import { objectBody } from '../client/json-shape.js';
import type { RequestOptions } from '../client/options.js';
import { buildQuery } from '../client/query.js';
import { request } from '../client/request.js';
import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { AuthToken } from '../responses/auth-token.js';
import { UserAuthUrl } from '../responses/user-auth-url.js';
import { UserDeauthResp } from '../responses/user-deauth-resp.js';
import { WidgetSession } from '../responses/widget-session.js';
import type { ClientContext } from './client-context.js';
import { type UserRef, userIdOf } from './user-id.js';

/** Parameters of `generateAuthenticationUrl`. */
export interface AuthenticationUrlParams {
  /** The provider to connect, e.g. `GARMIN`, `FITBIT`, `OURA`. */
  resource: string;
  /** Where the user lands after connecting. */
  authSuccessRedirectUrl?: string;
  /** Where the user lands when connecting fails. */
  authFailureRedirectUrl?: string;
  /** Your id for this user, echoed back in the auth webhook. */
  referenceId?: string;
  /** Display language of the provider pages, when supported. */
  language?: string;
}

/** Parameters of `generateWidgetSession`. */
export interface WidgetSessionParams {
  /** Providers to offer; empty or omitted shows those enabled on your dashboard. Sent comma-joined. */
  providers?: string[];
  /** Where the user lands after connecting. */
  authSuccessRedirectUrl?: string;
  /** Where the user lands when connecting fails. */
  authFailureRedirectUrl?: string;
  /** Your id for this user, echoed back in the auth webhook. */
  referenceId?: string;
  /** Display language of the widget. */
  language?: string;
}

/** The wire fields both connect flows take: language, reference id and the two redirect URLs (checked, in that order). */
function connectFlowFields(
  p: Pick<
    WidgetSessionParams,
    'language' | 'referenceId' | 'authSuccessRedirectUrl' | 'authFailureRedirectUrl'
  >,
) {
  return {
    language: optionalString(p.language, 'language'),
    reference_id: optionalString(p.referenceId, 'referenceId'),
    auth_success_redirect_url: optionalString(p.authSuccessRedirectUrl, 'authSuccessRedirectUrl'),
    auth_failure_redirect_url: optionalString(p.authFailureRedirectUrl, 'authFailureRedirectUrl'),
  };
}

/** `POST /auth/authenticateUser`: the provider goes in the query, the rest in the JSON body. */
export function generateAuthenticationUrl(
  ctx: ClientContext,
  params: AuthenticationUrlParams,
  options?: RequestOptions,
) {
  const p = optionsObject(params, 'params', true);
  const resource = requireString(p.resource, 'resource', "the provider to connect, e.g. 'GARMIN'");
  const body = connectFlowFields(p);
  return request(
    ctx.config,
    { method: 'POST', path: '/auth/authenticateUser', query: buildQuery({ resource }), body },
    (json) => new UserAuthUrl(objectBody(json)),
    options,
  );
}

/** `POST /auth/generateWidgetSession`. */
export function generateWidgetSession(
  ctx: ClientContext,
  params?: WidgetSessionParams,
  options?: RequestOptions,
) {
  const p = optionsObject(params, 'params', false);
  const body = {
    providers: providersList(p.providers),
    ...connectFlowFields(p),
  };
  return request(
    ctx.config,
    { method: 'POST', path: '/auth/generateWidgetSession', body },
    (json) => new WidgetSession(objectBody(json)),
    options,
  );
}

function providersList(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((p) => typeof p !== 'string' || p.trim() === '')) {
    throw new TerraInvalidArgumentError(
      'providers',
      "providers must be an array of provider names such as ['GARMIN', 'OURA'] (empty for all)",
    );
  }
  return value.length === 0 ? undefined : value.join(',');
}

/** `DELETE /auth/deauthenticateUser`. */
export function deauthenticateUser(ctx: ClientContext, user: UserRef, options?: RequestOptions) {
  const userId = userIdOf(user);
  return request(
    ctx.config,
    { method: 'DELETE', path: '/auth/deauthenticateUser', query: buildQuery({ user_id: userId }) },
    (json) => new UserDeauthResp(objectBody(json)),
    options,
  );
}

/** `POST /auth/generateAuthToken`: a token for the mobile SDKs' `initConnection()`. */
export function generateAuthToken(ctx: ClientContext, options?: RequestOptions) {
  return request(
    ctx.config,
    { method: 'POST', path: '/auth/generateAuthToken' },
    (json) => new AuthToken(objectBody(json)),
    options,
  );
}
