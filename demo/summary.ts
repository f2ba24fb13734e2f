import {
  type Activity,
  ActivityType,
  type Body,
  type Daily,
  DataReturned,
  type Nutrition,
  type Sleep,
  type TerraWebhookResponse,
} from 'terra-ts';

const activityNames = new Map<number, string>(
  Object.entries(ActivityType).map(([name, value]) => [value, name.toLowerCase().replaceAll('_', ' ')]),
);

function records<T>(deliveries: readonly TerraWebhookResponse[], type: string): T[] {
  const out: T[] = [];
  for (const { event } of deliveries) {
    if (event instanceof DataReturned && event.type === type) out.push(...(event.data as T[]));
  }
  return out;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

function numbers(values: ReadonlyArray<number | null | undefined>): number[] {
  return values.filter((v): v is number => typeof v === 'number');
}

/** A short human summary of what the webhooks delivered, one line per data type. */
export function summarise(deliveries: readonly TerraWebhookResponse[]): string[] {
  const activities = records<Activity>(deliveries, 'activity');
  const sleeps = records<Sleep>(deliveries, 'sleep').filter((s) => !s.metadata.is_nap);
  const days = records<Daily>(deliveries, 'daily');
  const bodies = records<Body>(deliveries, 'body');
  const meals = records<Nutrition>(deliveries, 'nutrition');

  const byKind = new Map<string, number>();
  for (const a of activities) {
    const name = activityNames.get(a.metadata.type) ?? `type ${a.metadata.type}`;
    byKind.set(name, (byKind.get(name) ?? 0) + 1);
  }
  const km =
    numbers(activities.map((a) => a.distance_data?.summary?.distance_meters)).reduce((a, b) => a + b, 0) /
    1000;
  const asleepHours =
    mean(numbers(sleeps.map((s) => s.sleep_durations_data?.asleep?.duration_asleep_state_seconds))) / 3600;
  const steps = mean(numbers(days.map((d) => d.distance_data?.steps)));
  const restingHr = mean(numbers(days.map((d) => d.heart_rate_data?.summary?.resting_hr_bpm)));
  const weights = numbers(
    bodies.flatMap((b) => b.measurements_data?.measurements?.map((m) => m.weight_kg) ?? []),
  );
  const calories = mean(numbers(meals.map((n) => n.summary?.macros?.calories)));
  const kinds = [...byKind].map(([name, n]) => `${n} ${name}`).join(', ');

  return [
    `activity   ${activities.length} workouts (${kinds || 'none'}), ${km.toFixed(1)} km in all`,
    `sleep      ${sleeps.length} nights, ${asleepHours.toFixed(1)} h asleep on average`,
    `daily      ${days.length} days, ${Math.round(steps).toLocaleString('en')} steps and resting HR ${Math.round(restingHr)} bpm on average`,
    `body       ${bodies.length} days${weights.length ? `, latest weight ${weights.at(-1)?.toFixed(1)} kg` : ''}`,
    meals.length === 0
      ? 'nutrition  none (this provider does not log food)'
      : `nutrition  ${meals.length} days, ${Math.round(calories).toLocaleString('en')} kcal a day on average`,
  ];
}
