/** A wire `user` object. */
export function wireUser(userId: string, extra: Record<string, unknown> = {}) {
  return {
    user_id: userId,
    provider: 'GARMIN',
    reference_id: `ref-${userId}`,
    scopes: 'ACTIVITY_EXPORT,HEALTH_EXPORT',
    active: true,
    last_webhook_update: null,
    ...extra,
  };
}

/** A sleep record with a summary id and a version marker. */
export function sleepRecord(
  summaryId: string,
  day: string,
  version: number,
  extra: Record<string, unknown> = {},
) {
  return {
    metadata: {
      summary_id: summaryId,
      start_time: `${day}T23:00:00.000000+01:00`,
      end_time: `${nextDay(day)}T07:00:00.000000+01:00`,
      is_nap: false,
      upload_type: 1,
    },
    sleep_durations_data: {
      asleep: { duration_asleep_state_seconds: 25_000 + version },
      sleep_efficiency: 90,
    },
    version_marker: version,
    ...extra,
  };
}

/** A daily record for one local day, with steps and enrichment scores. */
export function dailyRecord(day: string, steps: number, enrichment: Record<string, unknown> | null) {
  return {
    metadata: {
      start_time: `${day}T00:00:00.000000+01:00`,
      end_time: `${nextDay(day)}T00:00:00.000000+01:00`,
      upload_type: 1,
    },
    distance_data: { steps },
    heart_rate_data: { summary: { resting_hr_bpm: 55 } },
    data_enrichment: enrichment,
  };
}

/** A data payload body. */
export function dataPayload(type: string, userId: string, data: unknown[]) {
  return JSON.stringify({ type, user: wireUser(userId), data, version: '2022-03-16' });
}

/** The next calendar day of 'YYYY-MM-DD'. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
