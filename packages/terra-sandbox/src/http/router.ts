import type { RequestContext } from './context.js';

/** Handles one matched request. Throw an `HttpProblem` to answer with a problem+json error. */
export type RouteHandler = (ctx: RequestContext) => void | Promise<void>;

/** One entry of the route table. `path` segments starting with `:` capture into `ctx.params`. */
export interface Route {
  method: string;
  path: string;
  handler: RouteHandler;
  /** API routes only: served without the x-api-key/dev-id check (Terra's `/integrations`). */
  public?: boolean;
}

/** Where a route is mounted, which decides prefixes, authentication and fault modes. */
export type RouteScope = 'api' | 'control' | 'page';

/** A route with its scope, as stored in the table. */
export interface MountedRoute extends Route {
  scope: RouteScope;
}

/** Result of looking a request up. */
export type RouteMatch =
  | { kind: 'found'; route: MountedRoute; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'not_found' };

interface Pattern {
  route: MountedRoute;
  segments: string[];
}

/** API routes are served under both of Terra's base paths. */
export const API_PREFIXES = ['/api/v2', '/v2'] as const;

/**
 * The sandbox's route table. API routes (`addApi`) answer under `/v2` and `/api/v2`; control routes
 * (`addControl`) and pages (`add`) answer at the root. Static paths are a map lookup so small
 * endpoints cost nothing to route; only paths with `:params` are scanned.
 */
export class Router {
  private readonly exact = new Map<string, MountedRoute[]>();
  private readonly patterns: Pattern[] = [];

  /** Adds a Terra v2 API route (path without the `/v2` prefix, e.g. `/activity`). */
  addApi(route: Route): void {
    this.mount({ ...route, scope: 'api' });
  }

  /** Adds a control-API route under the root (e.g. `/sandbox/api/users`); needs the sandbox credentials. */
  addControl(route: Route): void {
    this.mount({ ...route, scope: 'control' });
  }

  /** Adds a public root route such as `/widget/:sessionId`, `/dashboard` or `/assets/...`. */
  add(route: Route): void {
    this.mount({ ...route, scope: 'page' });
  }

  private mount(route: MountedRoute): void {
    const key = `${route.scope}:${route.path}`;
    if (!route.path.includes(':')) {
      const list = this.exact.get(key) ?? [];
      list.push(route);
      this.exact.set(key, list);
      return;
    }
    this.patterns.push({ route, segments: route.path.split('/') });
  }

  /** Looks up an API path (prefix already removed). */
  matchApi(method: string, path: string): RouteMatch {
    return this.match('api', method, path);
  }

  /** Looks up a root path: control routes first, then pages. */
  matchRoot(method: string, path: string): RouteMatch {
    const control = this.match('control', method, path);
    if (control.kind !== 'not_found') return control;
    return this.match('page', method, path);
  }

  private match(scope: RouteScope, method: string, path: string): RouteMatch {
    const allow: string[] = [];
    const exact = this.exact.get(`${scope}:${path}`);
    if (exact) {
      for (const route of exact) {
        if (methodMatches(route.method, method)) return { kind: 'found', route, params: {} };
        allow.push(route.method);
      }
    }
    let segments: string[] | undefined;
    for (const pattern of this.patterns) {
      if (pattern.route.scope !== scope) continue;
      segments ??= path.split('/');
      const params = matchSegments(pattern.segments, segments);
      if (!params) continue;
      if (methodMatches(pattern.route.method, method)) return { kind: 'found', route: pattern.route, params };
      allow.push(pattern.route.method);
    }
    return allow.length > 0 ? { kind: 'method_not_allowed', allow } : { kind: 'not_found' };
  }
}

function methodMatches(routeMethod: string, method: string): boolean {
  return routeMethod === method || (routeMethod === 'GET' && method === 'HEAD');
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const a = actual[i] as string;
    if (p.startsWith(':')) {
      if (a === '') return undefined;
      try {
        params[p.slice(1)] = decodeURIComponent(a);
      } catch {
        return undefined;
      }
    } else if (p !== a) {
      return undefined;
    }
  }
  return params;
}
