import type { FixtureRequest } from './protocol.js';

/** A body fetched from the sandbox, with the range that produced it. */
export interface Fixture {
  readonly body: Buffer;
  readonly records: number;
  readonly userId: string;
  readonly startDate: string;
  readonly endDate: string;
}

const START_DATE = '2025-01-01';
const DAY_MS = 86_400_000;
// Terra's rule r1: one request spans at most 1,825 days.
const MAX_DAYS = 1825;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

async function fetchRange(
  sandbox: { baseUrl: string; apiKey: string; devId: string },
  request: FixtureRequest,
  userId: string,
  days: number,
): Promise<Fixture> {
  const endDate = addDays(START_DATE, days);
  const query = new URLSearchParams({
    user_id: userId,
    start_date: START_DATE,
    end_date: endDate,
    to_webhook: 'false',
    with_samples: String(request.withSamples),
  });
  const res = await fetch(`${sandbox.baseUrl}/${request.type}?${query}`, {
    headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId },
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`fixture ${request.name}: sandbox answered ${res.status}: ${body}`);
  const records = (JSON.parse(body.toString('utf8')) as { data: unknown[] }).data.length;
  return { body, records, userId, startDate: START_DATE, endDate };
}

/**
 * The fewest days from the start of `fixture` whose records add up to `minBytes`, from each record's
 * serialised size and start day (a day's data can vary tenfold, so an average would overshoot).
 */
function daysNeeded(fixture: Fixture, minBytes: number): number {
  const startMs = Date.parse(fixture.startDate);
  const wire = JSON.parse(fixture.body.toString('utf8')) as {
    data: { metadata?: { start_time?: string } }[];
  };
  const perDay: number[] = [];
  for (const record of wire.data) {
    // A record may start the evening before in UTC (local days); it counts towards the first day.
    const start = Date.parse(record.metadata?.start_time ?? fixture.startDate);
    const day = Math.max(0, Math.floor((start - startMs) / DAY_MS));
    perDay[day] = (perDay[day] ?? 0) + JSON.stringify(record).length + 1;
  }
  let total = fixture.body.length - wire.data.reduce((sum, r) => sum + JSON.stringify(r).length + 1, 0);
  for (let day = 0; day < perDay.length; day++) {
    total += perDay[day] ?? 0;
    if (total >= minBytes) return day + 1;
  }
  return Math.max(1, perDay.length);
}

/**
 * Fetches the fewest whole days whose response reaches `minBytes`: the range grows from a one-day
 * probe until it is big enough, then is cut back to the day where the size was reached. Each fixture
 * uses its own user so the probes never exhaust one user's hourly budget.
 */
export async function buildFixture(
  sandbox: { baseUrl: string; apiKey: string; devId: string },
  request: FixtureRequest,
  userId: string,
): Promise<Fixture> {
  let days = 1;
  let fixture = await fetchRange(sandbox, request, userId, days);
  while (fixture.body.length < request.minBytes && days < MAX_DAYS) {
    const perDay = Math.max(1, fixture.body.length / days);
    // Growth is capped at 8x a step: a first day without workouts must not turn into a five-year request.
    const estimate = Math.ceil((request.minBytes / perDay) * 1.1);
    days = Math.min(MAX_DAYS, days * 8, Math.max(days * 2, estimate));
    fixture = await fetchRange(sandbox, request, userId, days);
  }
  const needed = daysNeeded(fixture, request.minBytes);
  return needed < days ? fetchRange(sandbox, request, userId, needed) : fixture;
}
