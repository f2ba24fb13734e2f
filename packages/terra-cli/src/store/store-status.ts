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

/**
 * Reads the store's health. Counts and users come from the store's API; the oldest pending row and the failure
 * groups are read from the inbox table through `store.db` (terra-store has no public query for them yet).
 */
export async function readStoreStatus(store: TerraStore, database: string): Promise<StoreStatus> {
  const inbox = await store.deliveryCounts();
  const [oldest] = await store.db.query<{ at: Date | null; age: number | null }>(
    `SELECT min(received_at) AS at, extract(epoch FROM now() - min(received_at))::float8 AS age
     FROM terra_inbox WHERE status IN ('pending', 'retry')`,
  );
  const failures = await store.db.query<{
    type: string;
    user_id: string | null;
    retrying: number;
    dead: number;
    last_error: string | null;
  }>(
    `SELECT coalesce(event_type, '(unparsed)') AS type, user_id,
       count(*) FILTER (WHERE status = 'retry')::int AS retrying,
       count(*) FILTER (WHERE status = 'dead')::int AS dead,
       (array_agg(last_error ORDER BY id DESC))[1] AS last_error
     FROM terra_inbox WHERE status IN ('retry', 'dead')
     GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const [version] = await store.db.query<{ v: number | null }>(
    'SELECT max(version)::int AS v FROM terra_schema_migrations',
  );
  const users = await store.users();
  const at = oldest?.at ? new Date(oldest.at) : null;
  return {
    database,
    engine: store.db.engine,
    schema_version: version?.v ?? null,
    inbox,
    depth: inbox.pending + inbox.retry,
    oldest_pending_at: at ? at.toISOString() : null,
    lag_seconds: Math.max(0, Math.round(Number(oldest?.age ?? 0))),
    failures: failures.map((f) => ({
      type: f.type,
      user_id: f.user_id,
      retrying: Number(f.retrying),
      dead: Number(f.dead),
      last_error: f.last_error,
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
