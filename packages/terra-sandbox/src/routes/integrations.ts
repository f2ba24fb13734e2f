import { sendRawJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import { PROVIDERS, providerTypes } from '../providers/index.js';
import type { SandboxRuntime } from '../runtime.js';

// Static answers, serialised once: these are the endpoints load tests hammer.
const LIST = Buffer.from(
  JSON.stringify({
    providers: PROVIDERS.filter((p) => !p.sdk).map((p) => p.provider),
    sdk_providers: PROVIDERS.filter((p) => p.sdk).map((p) => p.provider),
    status: 'success',
  }),
);

function detailed(origin: string, includeSdk: boolean): Buffer {
  const providers = PROVIDERS.filter((p) => includeSdk || !p.sdk).map((p) => ({
    provider: p.provider,
    name: p.name,
    icon: `${origin}/assets/providers/${p.provider.toLowerCase()}.svg`,
    setup: p.sdk ? 'SDK' : 'TERRA_KEYS',
    enabled: true,
    types: providerTypes(p),
  }));
  return Buffer.from(JSON.stringify({ status: 'success', providers }));
}

/** `GET /integrations` and `GET /integrations/detailed` (public, as on Terra). */
export function registerIntegrationRoutes(router: Router, sandbox: SandboxRuntime): void {
  const cache = new Map<string, Buffer>();
  const detailedFor = (includeSdk: boolean): Buffer => {
    const key = `${sandbox.origin}|${includeSdk}`;
    let body = cache.get(key);
    if (!body) {
      body = detailed(sandbox.origin, includeSdk);
      cache.set(key, body);
    }
    return body;
  };
  router.addApi({
    method: 'GET',
    path: '/integrations',
    public: true,
    handler: (ctx) => sendRawJson(ctx, 200, LIST),
  });
  router.addApi({
    method: 'GET',
    path: '/integrations/detailed',
    public: true,
    handler: (ctx) => sendRawJson(ctx, 200, detailedFor(ctx.query.get('sdk') === 'true')),
  });
}
