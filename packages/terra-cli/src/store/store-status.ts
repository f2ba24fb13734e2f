import type { TerraStore } from 'terra-store';

/** Retrying and dead inbox rows of one event type and user. */
export interface FailureGroup {
  type: string;
  user_id: string | null;
  retrying: number;
  dead: number;
  last_error: string | null;
}

/** One user's connection state as `terra store status` shows it. */
export interface StatusUser {
  user_id: string;
  provider: string | null;
  reference_id: string | null;
  state: string;
  active: boolean;
  last_delivery_at: string | null;
}

/** What `terra store status` reports (snake_case, as the CLI's other JSON). */
export interface StoreStatus {
  database: string;
  engine: string;
  schema_version: number | null;
  inbox: { pending: number; retry: number; processed: number; dead: number };
  /** Rows waiting to be processed (pending and retry). */
  depth: number;
  oldest_pending_at: string | null;
  /** Age of the oldest unprocessed row, in seconds (0 when none). */
  lag_seconds: number;
  failures: FailureGroup[];
  users: StatusUser[];
}

/** Reads the store's health through terra-store's API (`inboxHealth`, `users`, `schemaVersion`). */
export async function readStoreStatus(store: TerraStore, database: string): Promise<StoreStatus> {
  const health = await store.inboxHealth();
  const version = await store.schemaVersion();
  const users = await store.users();
  return {
    database,
    engine: store.db.engine,
    schema_version: version || null,
    inbox: { pending: health.pending, retry: health.retry, processed: health.processed, dead: health.dead },
    depth: health.depth,
    oldest_pending_at: health.oldestPendingAt ? health.oldestPendingAt.toISOString() : null,
    lag_seconds: Math.round(health.oldestPendingAgeMs / 1000),
    failures: health.failures.map((f) => ({
      type: f.eventType ?? '(unparsed)',
      user_id: f.userId,
      retrying: f.retrying,
      dead: f.dead,
      last_error: f.lastError,
    })),
    users: users.map((u) => ({
      user_id: u.userId,
      provider: u.provider,
      reference_id: u.referenceId,
      state: u.state,
      active: u.active,
      last_delivery_at: u.lastDeliveryAt ? new Date(u.lastDeliveryAt).toISOString() : null,
    })),
  };
}

/** `95` -> `1m 35s`. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
  return `${Math.floor(seconds / 86_400)}d ${Math.floor((seconds % 86_400) / 3600)}h`;
}
