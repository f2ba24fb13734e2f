import type { Queryable } from '../db/database.js';

/** One day of a view: the user's local day and a value (null when the record had none). */
export interface DayValue {
  day: string;
  value: number | null;
}

const VIEWS = {
  steps: { view: 'terra_steps_per_day', column: 'steps', day: 'local_day', filter: '' },
  restingHr: {
    view: 'terra_resting_heart_rate_per_day',
    column: 'resting_hr_bpm',
    day: 'local_day',
    filter: '',
  },
  sleep: {
    view: 'terra_sleep_per_night',
    column: 'asleep_seconds',
    day: 'local_day',
    filter: ' AND NOT is_nap',
  },
} as const;

/** Reads one of the dashboard views for a user between two local days (inclusive). */
export async function readDayView(
  db: Queryable,
  which: keyof typeof VIEWS,
  userId: string,
  from: string,
  to: string,
): Promise<DayValue[]> {
  const v = VIEWS[which];
  const rows = await db.query<{ day: string; value: string | number | null }>(
    `SELECT to_char(${v.day}, 'YYYY-MM-DD') AS day, ${which === 'sleep' ? 'sum' : 'max'}(${v.column})::float8 AS value
     FROM ${v.view} WHERE user_id = $1 AND ${v.day} BETWEEN $2::date AND $3::date${v.filter}
     GROUP BY ${v.day} ORDER BY ${v.day}`,
    [userId, from, to],
  );
  return rows.map((r) => ({ day: r.day, value: r.value === null ? null : Number(r.value) }));
}
