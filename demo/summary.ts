import type { TerraStore } from 'terra-store';
import { ActivityType } from 'terra-ts';

const activityNames = new Map<number, string>(
  Object.entries(ActivityType).map(([name, value]) => [value, name.toLowerCase().replaceAll('_', ' ')]),
);

const num = (value: unknown) => (value === null || value === undefined ? Number.NaN : Number(value));

/**
 * A short human summary of what the store holds for one user, one line per data type, read with SQL
 * from the store's tables and views (nothing is kept in memory between the webhooks and this).
 */
export async function summarise(store: TerraStore, userId: string): Promise<string[]> {
  const q = <T extends Record<string, unknown>>(sql: string) => store.db.query<T>(sql, [userId]);
  const kinds = await q<{ type: string | null; n: number }>(
    `SELECT record->'metadata'->>'type' AS type, count(*)::int AS n FROM terra_activity
     WHERE user_id = $1 GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const [activity] = await q<{ n: number; km: number | null }>(
    `SELECT count(*)::int AS n,
       (sum(CASE WHEN jsonb_typeof(record->'distance_data'->'summary'->'distance_meters') = 'number'
             THEN (record->'distance_data'->'summary'->>'distance_meters')::float8 END) / 1000)::float8 AS km
     FROM terra_activity WHERE user_id = $1`,
  );
  const [sleep] = await q<{ n: number; hours: number | null }>(
    `SELECT count(*)::int AS n, (avg(asleep_seconds) / 3600)::float8 AS hours
     FROM terra_sleep_per_night WHERE user_id = $1 AND NOT is_nap`,
  );
  const [daily] = await q<{ n: number; steps: number | null; hr: number | null }>(
    `SELECT count(*)::int AS n, avg(s.steps)::float8 AS steps, avg(h.resting_hr_bpm)::float8 AS hr
     FROM terra_steps_per_day s JOIN terra_resting_heart_rate_per_day h USING (user_id, local_day)
     WHERE s.user_id = $1`,
  );
  const [body] = await q<{ n: number; weight: string | null }>(
    `SELECT count(*)::int AS n,
       (SELECT record->'measurements_data'->'measurements'->-1->>'weight_kg' FROM terra_body
        WHERE user_id = $1 ORDER BY local_day DESC LIMIT 1) AS weight
     FROM terra_body WHERE user_id = $1`,
  );
  const [nutrition] = await q<{ n: number; kcal: number | null }>(
    `SELECT count(*)::int AS n, avg((record->'summary'->'macros'->>'calories')::float8)::float8 AS kcal
     FROM terra_nutrition WHERE user_id = $1`,
  );
  const kindText = kinds
    .map((k) => `${k.n} ${activityNames.get(Number(k.type)) ?? `type ${k.type}`}`)
    .join(', ');
  const weight = num(body?.weight);
  return [
    `activity   ${activity?.n ?? 0} workouts (${kindText || 'none'}), ${num(activity?.km ?? 0).toFixed(1)} km in all`,
    `sleep      ${sleep?.n ?? 0} nights, ${num(sleep?.hours).toFixed(1)} h asleep on average`,
    `daily      ${daily?.n ?? 0} days, ${Math.round(num(daily?.steps)).toLocaleString('en')} steps and resting HR ${Math.round(num(daily?.hr))} bpm on average`,
    `body       ${body?.n ?? 0} days${Number.isFinite(weight) ? `, latest weight ${weight.toFixed(1)} kg` : ''}`,
    (nutrition?.n ?? 0) === 0
      ? 'nutrition  none (this provider does not log food)'
      : `nutrition  ${nutrition?.n} days, ${Math.round(num(nutrition?.kcal)).toLocaleString('en')} kcal a day on average`,
  ];
}

/** What the store holds overall: records per table and the inbox by state. */
export async function storeTotals(store: TerraStore): Promise<string> {
  const [row] = await store.db.query<{ records: number; tables: number }>(
    `SELECT sum(n)::int AS records, count(*) FILTER (WHERE n > 0)::int AS tables FROM (
       SELECT count(*) AS n FROM terra_activity UNION ALL SELECT count(*) FROM terra_sleep
       UNION ALL SELECT count(*) FROM terra_daily UNION ALL SELECT count(*) FROM terra_body
       UNION ALL SELECT count(*) FROM terra_nutrition UNION ALL SELECT count(*) FROM terra_menstruation
       UNION ALL SELECT count(*) FROM terra_athlete) t`,
  );
  const inbox = await store.deliveryCounts();
  const total = inbox.pending + inbox.retry + inbox.processed + inbox.dead;
  return `${row?.records ?? 0} records in ${row?.tables ?? 0} tables; ${total} deliveries in the inbox, ${inbox.processed} processed, ${inbox.dead} dead letters`;
}
