import type { Queryable } from '../db/database.js';

/** The inbox rows of one event type, by state. */
export interface InboxTypeHealth {
  /** The payload's `type` (`null` for a body that could not be read as one). */
  eventType: string | null;
  pending: number;
  retry: number;
  processed: number;
  dead: number;
  /** When the oldest row still waiting (pending or retry) was received. */
  oldestPendingAt: Date | null;
}

/** Retrying and dead rows of one event type and user, with the newest error. */
export interface InboxFailureGroup {
  eventType: string | null;
  userId: string | null;
  retrying: number;
  dead: number;
  lastError: string | null;
}

/** What {@link readInboxHealth} reports. */
export interface InboxHealth {
  /** Rows waiting to be processed: pending plus retry. The number `maxInboxDepth` is compared with. */
  depth: number;
  pending: number;
  retry: number;
  processed: number;
  /** Dead letters: rows that failed every attempt (`store.replay(id)`, `terra store retry`). */
  dead: number;
  /** When the oldest waiting row was received (`null` when none waits). */
  oldestPendingAt: Date | null;
  /** How long the oldest waiting row has waited, in ms (0 when none): the processing lag. */
  oldestPendingAgeMs: number;
  /** The same per event type, by type. */
  byType: InboxTypeHealth[];
  /** Retrying and dead rows per event type and user. */
  failures: InboxFailureGroup[];
}

type TypeRow = {
  event_type: string | null;
  pending: number;
  retry: number;
  processed: number;
  dead: number;
  oldest: Date | null;
  age_ms: number | null;
};

/** Reads the inbox's health in two statements (each one scan of the inbox's status index). */
export async function readInboxHealth(db: Queryable): Promise<InboxHealth> {
  const types = await db.query<TypeRow>(
    `SELECT event_type,
       count(*) FILTER (WHERE status = 'pending')::int AS pending,
       count(*) FILTER (WHERE status = 'retry')::int AS retry,
       count(*) FILTER (WHERE status = 'processed')::int AS processed,
       count(*) FILTER (WHERE status = 'dead')::int AS dead,
       min(received_at) FILTER (WHERE status IN ('pending', 'retry')) AS oldest,
       (extract(epoch FROM now() - min(received_at) FILTER (WHERE status IN ('pending', 'retry'))) * 1000)::float8 AS age_ms
     FROM terra_inbox GROUP BY event_type ORDER BY event_type NULLS LAST`,
  );
  const failures = await db.query<{
    event_type: string | null;
    user_id: string | null;
    retrying: number;
    dead: number;
    last_error: string | null;
  }>(
    `SELECT event_type, user_id,
       count(*) FILTER (WHERE status = 'retry')::int AS retrying,
       count(*) FILTER (WHERE status = 'dead')::int AS dead,
       (array_agg(last_error ORDER BY id DESC))[1] AS last_error
     FROM terra_inbox WHERE status IN ('retry', 'dead')
     GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2 NULLS LAST`,
  );
  const byType = types.map((t) => ({
    eventType: t.event_type ?? null,
    pending: Number(t.pending),
    retry: Number(t.retry),
    processed: Number(t.processed),
    dead: Number(t.dead),
    oldestPendingAt: t.oldest ? new Date(t.oldest) : null,
  }));
  const sum = (pick: (t: InboxTypeHealth) => number) => byType.reduce((n, t) => n + pick(t), 0);
  const oldest = byType.reduce<Date | null>(
    (min, t) => (t.oldestPendingAt && (!min || t.oldestPendingAt < min) ? t.oldestPendingAt : min),
    null,
  );
  const ages = types.map((t) => Number(t.age_ms ?? 0));
  return {
    depth: sum((t) => t.pending + t.retry),
    pending: sum((t) => t.pending),
    retry: sum((t) => t.retry),
    processed: sum((t) => t.processed),
    dead: sum((t) => t.dead),
    oldestPendingAt: oldest,
    oldestPendingAgeMs: Math.max(0, Math.round(Math.max(0, ...ages))),
    byType,
    failures: failures.map((f) => ({
      eventType: f.event_type ?? null,
      userId: f.user_id ?? null,
      retrying: Number(f.retrying),
      dead: Number(f.dead),
      lastError: f.last_error ?? null,
    })),
  };
}
