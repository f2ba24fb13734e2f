import { booleanOr, optionsObject } from '../client/arguments.js';
import { objectBody } from '../client/json-shape.js';
import type { RequestOptions } from '../client/options.js';
import { buildQuery } from '../client/query.js';
import { request } from '../client/request.js';
import { DetailedIntegrations } from '../responses/detailed-integrations.js';
import { ProvidersResponse } from '../responses/providers-response.js';
import type { ClientContext } from './client-context.js';

/** `GET /integrations`. */
export function listProviders(ctx: ClientContext, options?: RequestOptions) {
  return request(
    ctx.config,
    { method: 'GET', path: '/integrations', public: true },
    (json) => new ProvidersResponse(objectBody(json)),
    options,
  );
}

/** `GET /integrations/detailed`; `sdk: true` includes the mobile-SDK-only integrations. */
export function listProvidersDetailed(
  ctx: ClientContext,
  params?: { sdk?: boolean },
  options?: RequestOptions,
) {
  const p = optionsObject(params, 'params', false);
  const sdk = p.sdk === undefined ? undefined : booleanOr(p.sdk, 'sdk', false);
  return request(
    ctx.config,
    { method: 'GET', path: '/integrations/detailed', query: buildQuery({ sdk }), public: true },
    (json) => new DetailedIntegrations(objectBody(json)),
    options,
  );
}
