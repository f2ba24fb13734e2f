import type { Terra, TerraWebhooks } from 'terra-ts';

/** Options of the store's webhook handlers. */
export interface StoreWebhookHandlerOptions {
  /** Longest body read, in bytes (default 100 MiB); a longer one is answered 413. */
  maxBodyBytes?: number;
  /** Called with every error behind a non-2xx answer (verification failures, database errors). */
  onError?: (error: unknown) => void;
  /**
   * Back-pressure: when this many inbox rows or more wait to be processed, deliveries are answered 503 with
   * `Retry-After` (before their body is read), so Terra delivers them later instead of the inbox growing
   * without bound while the workers are behind or stopped. Default: no limit.
   */
  maxInboxDepth?: number;
  /** How long a count of the inbox's waiting rows is reused, in ms (default 1000). */
  inboxDepthRefreshMs?: number;
}

/** The verifier: a `TerraWebhooks`, or a `Terra` client (its `webhooks`). */
export type WebhooksSource = TerraWebhooks | Terra;

/** Picks the `TerraWebhooks` and checks a signing secret is set (throws `missing_secret` at build time). */
export function resolveWebhooks(source: WebhooksSource): TerraWebhooks {
  const candidate = (source as Terra).webhooks ?? (source as TerraWebhooks);
  if (typeof (candidate as TerraWebhooks | undefined)?.handleWebhook !== 'function') {
    throw new TypeError(
      'createStoreWebhookHandler takes the store, then a TerraWebhooks or a Terra client (with a signing secret).',
    );
  }
  candidate.assertSecret();
  return candidate;
}

/** The default `maxBodyBytes`: 100 MiB, as terra-ts's handlers. */
export const DEFAULT_MAX_BODY_BYTES = 100 * 1024 * 1024;
