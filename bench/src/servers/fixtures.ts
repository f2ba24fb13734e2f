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
 * Fetches the smallest whole number of days whose response reaches `minBytes`: a one-day probe sizes
 * a day, then the estimate grows until it is big enough. Each fixture uses its own user so the
 * probes never exhaust one user's hourly budget.
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
    days = Math.min(MAX_DAYS, Math.max(days + 1, Math.ceil((request.minBytes / perDay) * 1.02)));
    fixture = await fetchRange(sandbox, request, userId, days);
  }
  return fixture;
}
