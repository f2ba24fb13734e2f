import type { ClientConfig } from '../client/config.js';
import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import type { UserClient } from '../user.js';

/** What resources need from the client: its settings (for requests) and itself (to bind users). */
export interface ClientContext {
  readonly config: ClientConfig;
  readonly client: UserClient;
}

// Keyed by client and module-private: the context holds the API key, so it is never reachable (or logged)
// through a property of the client, yet the resource classes built from a client can find it.
const contexts = new WeakMap<object, ClientContext>();

/** Records a client's context; called once by the `Terra` constructor. */
export function registerClientContext(ctx: ClientContext): void {
  contexts.set(ctx.client, ctx);
}

/** The context a client registered in its constructor (for `Terra`, which extends `TerraClient`). */
export function registeredContext(client: object): ClientContext {
  return contexts.get(client) as ClientContext;
}

/**
 * The context of a `Terra` client, for a resource class built from it (`new Workouts(terra)`).
 *
 * @throws {@link TerraInvalidArgumentError} when `terra` is not a `Terra` client.
 */
export function clientContextOf(terra: unknown, resource: string): ClientContext {
  const ctx = typeof terra === 'object' && terra !== null ? contexts.get(terra) : undefined;
  if (ctx === undefined) {
    throw new TerraInvalidArgumentError(
      'terra',
      `${resource} takes a Terra client: new ${resource}(new Terra({ apiKey, devId })); got ${terra === null ? 'null' : typeof terra}.`,
    );
  }
  return ctx;
}
