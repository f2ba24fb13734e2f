// Schema version 1: the inbox, users, connection events, large requests, backfill progress and one table
// per data type. Frozen: a change is a new migration, never an edit here.

const ts = (expr: string) => `CASE WHEN (${expr}) ~ '^\\d{4}-\\d{2}-\\d{2}' THEN (${expr})::timestamptz END`;

/** One data table: every record whole in `record`, the natural key and extracted columns beside it. */
function dataTable(table: string, keyColumns: string, primaryKey: string): string[] {
  return [
    `CREATE TABLE ${table} (
      user_id text NOT NULL,
      ${keyColumns}
      provider text,
      start_time timestamptz,
      end_time timestamptz,
      local_day date,
      ordering_ts bigint NOT NULL,
      record jsonb NOT NULL,
      inbox_id bigint,
      source text NOT NULL,
      revision integer NOT NULL DEFAULT 1,
      first_stored_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (${primaryKey})
    )`,
    `CREATE INDEX ${table}_user_start ON ${table} (user_id, start_time)`,
    `CREATE INDEX ${table}_user_day ON ${table} (user_id, local_day)`,
  ];
}

/** The statements of schema version 1, in order. */
export const V1_TABLES: readonly string[] = [
  `CREATE FUNCTION terra_ts(value text) RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT ${ts('value')} $$`,
  `CREATE FUNCTION terra_local_day(value text) RETURNS date LANGUAGE sql IMMUTABLE AS
     $$ SELECT CASE WHEN value ~ '^\\d{4}-\\d{2}-\\d{2}' THEN substr(value, 1, 10)::date END $$`,
  // A later delivery may carry null where an earlier one had an enrichment score: keep the stored score.
  `CREATE FUNCTION terra_merge_enrichment(old jsonb, new jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
     SELECT CASE WHEN kept IS NULL OR jsonb_typeof(new) <> 'object' THEN new
       ELSE new || jsonb_build_object('data_enrichment',
         CASE WHEN jsonb_typeof(new->'data_enrichment') = 'object' THEN new->'data_enrichment' ELSE '{}'::jsonb END || kept)
       END
     FROM (SELECT (
       SELECT jsonb_object_agg(e.key, e.value)
       FROM jsonb_each(CASE WHEN jsonb_typeof(old->'data_enrichment') = 'object' THEN old->'data_enrichment' END) e
       WHERE e.value <> 'null'::jsonb AND COALESCE(new->'data_enrichment'->e.key, 'null'::jsonb) = 'null'::jsonb
     ) AS kept) AS s
   $$`,
  `CREATE TABLE terra_inbox (
    id bigserial PRIMARY KEY,
    source text NOT NULL DEFAULT 'webhook',
    body bytea NOT NULL,
    body_sha256 bytea NOT NULL,
    reference text,
    trace_id text,
    ordering_ts bigint,
    signed_at timestamptz,
    event_type text,
    user_id text,
    received_at timestamptz NOT NULL DEFAULT now(),
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retry', 'processed', 'dead')),
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_by text,
    lease_until timestamptz,
    processed_at timestamptz,
    outcome text,
    CONSTRAINT terra_inbox_delivery UNIQUE NULLS NOT DISTINCT (body_sha256, reference, trace_id)
  )`,
  `CREATE INDEX terra_inbox_due ON terra_inbox (next_attempt_at, id) WHERE status IN ('pending', 'retry')`,
  `CREATE INDEX terra_inbox_status ON terra_inbox (status, received_at)`,
  `CREATE INDEX terra_inbox_user ON terra_inbox (user_id, received_at)`,
  `CREATE TABLE terra_users (
    user_id text PRIMARY KEY,
    provider text,
    reference_id text,
    scopes text[] NOT NULL DEFAULT '{}',
    active boolean NOT NULL DEFAULT true,
    state text NOT NULL DEFAULT 'connected',
    replaced_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    deauthorised_at timestamptz,
    revoked_at timestamptz,
    last_delivery_at timestamptz,
    last_error text,
    state_ordering_ts bigint NOT NULL DEFAULT 0,
    -- The ordering timestamp of the event that last set the scopes (auth, permission_change); -1 when none has.
    scopes_ordering_ts bigint NOT NULL DEFAULT -1,
    wire jsonb,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX terra_users_reference ON terra_users (reference_id)`,
  `CREATE TABLE terra_user_events (
    user_id text NOT NULL,
    id bigserial,
    event_type text NOT NULL,
    old_user_id text,
    new_user_id text,
    ordering_ts bigint,
    inbox_id bigint,
    payload jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id)
  )`,
  `CREATE UNIQUE INDEX terra_user_events_once ON terra_user_events (user_id, inbox_id, event_type) WHERE inbox_id IS NOT NULL`,
  `CREATE TABLE terra_large_requests (
    reference text PRIMARY KEY,
    user_id text,
    data_type text,
    expected integer,
    received integer NOT NULL DEFAULT 0,
    announced_at timestamptz,
    completed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE terra_large_request_chunks (
    reference text NOT NULL,
    delivery_id text NOT NULL,
    inbox_id bigint,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (reference, delivery_id)
  )`,
  `CREATE TABLE terra_backfill_chunks (
    user_id text NOT NULL,
    data_type text NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    records integer,
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    done_at timestamptz,
    PRIMARY KEY (user_id, data_type, start_date, end_date)
  )`,
  ...dataTable('terra_activity', 'summary_id text NOT NULL,', 'user_id, summary_id'),
  ...dataTable('terra_sleep', 'summary_id text NOT NULL,', 'user_id, summary_id'),
  ...dataTable('terra_daily', '', 'user_id, local_day'),
  ...dataTable('terra_body', '', 'user_id, local_day'),
  ...dataTable('terra_nutrition', '', 'user_id, local_day'),
  ...dataTable('terra_menstruation', '', 'user_id, local_day'),
  ...dataTable('terra_athlete', '', 'user_id'),
  ...dataTable('terra_planned_workout', 'workout_id text NOT NULL,', 'user_id, workout_id'),
  ...dataTable('terra_hormone', 'sample_timestamp text NOT NULL,', 'user_id, sample_timestamp'),
];
