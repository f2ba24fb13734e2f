import fc from 'fast-check';
import { parseDateInput, parseDateRange, splitDateRange, TerraInvalidArgumentError } from 'terra-ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { terraFor, wireUser } from '../support/terra-for.js';
import { type RecordedRequest, startTestServer, type TestServer } from '../support/test-server.js';
import { scaled } from './support/long.js';

const RUNS = scaled(500, 5_000);
const DAY = 86_400;
// Zones with DST in both hemispheres, half-hour and 45-minute offsets, and a 30-minute DST shift.
const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayString = (date: Date) =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// Instants inside the range Terra accepts as unix seconds (10 digits), from the first whole UTC day in it.
const instant = fc.integer({ min: 1_000_080_000, max: 4_000_000_000 });
const dayArb = instant.map((s) => dayString(new Date(s * 1000)));

describe('dates, in every time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(ZONES)('a Date means the same instant and a YYYY-MM-DD the same UTC day in %s', (zone) => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 999 }), (seconds, ms) => {
        const date = new Date(seconds * 1000 + ms);
        expect(parseDateInput(date, 'startDate')).toEqual({ wire: seconds, seconds });
        const day = dayString(date);
        expect(parseDateInput(day, 'startDate')).toEqual({
          wire: day,
          seconds: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / 1000,
        });
      }),
      { numRuns: scaled(100, 1_000) },
    );
  });

  it.each(ZONES)('local wall-clock dates across DST changes in %s keep their exact instant', (zone) => {
    process.env.TZ = zone;
    // Every hour of the days around the usual transitions, built from local components like an app would.
    fc.assert(
      fc.property(
        fc.integer({ min: 2002, max: 2090 }),
        fc.constantFrom(2, 3, 9, 10, 3, 4),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        (year, month, day, hour) => {
          const local = new Date(year, month, day, hour, 30);
          const parsed = parseDateInput(local, 'startDate');
          expect(parsed.seconds).toBe(Math.floor(local.getTime() / 1000));
          expect(parsed.wire).toBe(parsed.seconds);
        },
      ),
      { numRuns: scaled(100, 1_000) },
    );
  });

  it('leap days are real dates exactly in leap years; other impossible days are refused with a clear error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2001, max: 2099 }), (year) => {
        const leapDay = `${year}-02-29`;
        if (isLeap(year)) {
          expect(parseDateInput(leapDay, 'startDate').seconds).toBe(Date.UTC(year, 1, 29) / 1000);
        } else {
          expect(() => parseDateInput(leapDay, 'startDate')).toThrow(/not a real calendar date/);
        }
        for (const bad of [
          `${year}-02-30`,
          `${year}-04-31`,
          `${year}-13-01`,
          `${year}-00-10`,
          `${year}-01-00`,
        ]) {
          expect(() => parseDateInput(bad, 'startDate')).toThrow(TerraInvalidArgumentError);
        }
      }),
      { numRuns: 99 },
    );
    expect(parseDateInput('2000-02-29', 'd').seconds).toBe(951_782_400);
    expect(() => parseDateInput('2100-02-29', 'd')).toThrow(/not a real calendar date/);
  });

  it('any other input is refused with a TerraInvalidArgumentError naming the argument', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          parseDateInput(value, 'startDate');
        } catch (error) {
          expect(error).toBeInstanceOf(TerraInvalidArgumentError);
          expect((error as Error).message).toContain('startDate');
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** Unix seconds of a chunk boundary (a `YYYY-MM-DD` boundary is UTC midnight). */
const secondsOf = (wire: string | number) =>
  typeof wire === 'number' ? wire : Date.parse(`${wire}T00:00:00Z`) / 1000;

const dateInput = fc.oneof(
  instant.map((s) => s as string | number | Date),
  dayArb,
  instant.map((s) => new Date(s * 1000 + 123)),
);

describe('range splitting', () => {
  it('chunks cover the range exactly once, in order, none longer than chunkDays', () => {
    // Spans up to ten years, so even one-day chunks stay a few thousand per run.
    const range = fc.tuple(dateInput, fc.integer({ min: 0, max: 3_650 * DAY }), fc.boolean());
    fc.assert(
      fc.property(range, fc.integer({ min: 1, max: 1825 }), ([a, span, asDay], chunkDays) => {
        const start = parseDateInput(a, 'startDate');
        const endSeconds = start.seconds + span;
        const end = parseDateInput(asDay ? dayString(new Date(endSeconds * 1000)) : endSeconds, 'endDate');
        if (end.seconds < start.seconds) return;
        const chunks = splitDateRange(start, end, chunkDays);
        expect(chunks[0]?.start).toBe(start.wire);
        expect(chunks.at(-1)?.end).toBe(end.wire);
        expect(chunks).toHaveLength(
          Math.max(1, Math.ceil((end.seconds - start.seconds) / (chunkDays * DAY))),
        );
        const problems: string[] = [];
        for (let i = 0; i < chunks.length; i++) {
          const chunk = chunks[i] as { start: string | number; end: string | number };
          const length = secondsOf(chunk.end) - secondsOf(chunk.start);
          if (length < 0 || length > chunkDays * DAY) problems.push(`chunk ${i} spans ${length} s`);
          if (i > 0 && chunk.start !== chunks[i - 1]?.end)
            problems.push(`chunk ${i} does not start where ${i - 1} ends`);
          if (i < chunks.length - 1 && length === 0) problems.push(`chunk ${i} is empty`);
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('an end before the start is refused, naming both dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000_000 + 10 * DAY, max: 4_000_000_000 }),
        fc.integer({ min: 1, max: 10 * DAY }),
        (start, back) => {
          expect(() => parseDateRange(start, start - back)).toThrow(/endDate .* is before startDate/);
        },
      ),
      { numRuns: scaled(100, 1_000) },
    );
  });
});

// Every form terra-ts accepts, weighted towards the years before 2001-09-09 where Terra takes no unix seconds.
const MIN_DAY = Date.UTC(100, 0, 1) / 1000 / DAY;
const MAX_DAY = Date.UTC(9999, 11, 31) / 1000 / DAY;
const EARLY_LAST_DAY = Date.UTC(2001, 8, 9) / 1000 / DAY;
const dayNumber = fc.oneof(
  fc.integer({ min: Date.UTC(1900, 0, 1) / 1000 / DAY, max: EARLY_LAST_DAY }),
  fc.integer({ min: MIN_DAY, max: MAX_DAY }),
);
const anyAccepted: fc.Arbitrary<string | number | Date> = fc.oneof(
  dayNumber.map((d) => dayString(new Date(d * DAY * 1000))),
  dayNumber.map((d) => new Date(d * DAY * 1000)),
  fc.integer({ min: 1_000_000_000, max: 9_999_999_999 }),
  fc.integer({ min: 1_000_000_000, max: 9_999_999_999 }).map((s) => new Date(s * 1000 + 7)),
);
/** An end date `span` seconds after `startSeconds`, in a form terra-ts accepts (a day when seconds cannot be sent). */
const endFor = (startSeconds: number, span: number, asDay: boolean): string | number => {
  const seconds = startSeconds + span;
  const day = dayString(new Date(Math.floor(seconds / DAY) * DAY * 1000));
  return asDay || seconds < 1_000_000_000 || seconds > 9_999_999_999 ? day : seconds;
};
/** What `parseDateInput` makes of a boundary as it arrives in a query string. */
const fromQuery = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

describe('range splitting wherever terra-ts accepts a date, 2001-09-09 and earlier included', () => {
  it('every boundary sent is one terra-ts accepts, and the windows still meet and cover the range', () => {
    fc.assert(
      fc.property(
        anyAccepted,
        fc.integer({ min: 0, max: 3_650 * DAY }),
        fc.boolean(),
        fc.integer({ min: 1, max: 1825 }),
        (a, span, asDay, chunkDays) => {
          const start = parseDateInput(a, 'startDate');
          const endValue = endFor(start.seconds, span, asDay);
          if (typeof endValue === 'string' && !/^\d{4}-/.test(endValue)) return; // past 9999-12-31
          const end = parseDateInput(endValue, 'endDate');
          if (end.seconds < start.seconds) return;
          const chunks = splitDateRange(start, end, chunkDays);
          expect(chunks[0]?.start).toBe(start.wire);
          expect(chunks.at(-1)?.end).toBe(end.wire);
          const problems: string[] = [];
          let previous = start.seconds;
          for (let i = 0; i < chunks.length; i++) {
            const chunk = chunks[i] as { start: string | number; end: string | number };
            for (const [name, wire] of [
              ['startDate', chunk.start],
              ['endDate', chunk.end],
            ] as const) {
              try {
                const parsed = parseDateInput(wire, name);
                if (parsed.wire !== wire)
                  problems.push(`chunk ${i} ${name} ${wire} re-parses as ${parsed.wire}`);
              } catch (error) {
                problems.push(`chunk ${i} ${name} ${wire} refused: ${(error as Error).message}`);
              }
            }
            const from = secondsOf(chunk.start);
            const to = secondsOf(chunk.end);
            if (from !== previous) problems.push(`chunk ${i} starts at ${from}, not ${previous}`);
            if (to - from > chunkDays * DAY) problems.push(`chunk ${i} spans ${to - from} s`);
            if (i < chunks.length - 1 && to <= from) problems.push(`chunk ${i} is empty`);
            previous = to;
          }
          expect(previous).toBe(end.seconds);
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a Date before 2001-09-09 is sent as its day when at UTC midnight, and refused with advice otherwise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_DAY, max: EARLY_LAST_DAY - 1 }),
        fc.integer({ min: 0, max: DAY * 1000 - 1 }),
        (day, msIntoDay) => {
          const date = new Date(day * DAY * 1000 + msIntoDay);
          if (msIntoDay < 1000) {
            expect(parseDateInput(date, 'startDate')).toEqual({ wire: dayString(date), seconds: day * DAY });
          } else {
            expect(() => parseDateInput(date, 'startDate')).toThrow(/'YYYY-MM-DD' UTC day/);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('chunked data requests over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Each chunk answers one record naming its own window, so order and coverage can be checked.
    server = await startTestServer((req: RecordedRequest) => ({
      delayMs: Number(req.query.get('start_date')) % 3,
      body: {
        user: wireUser(),
        type: 'sleep',
        data: [{ window: [req.query.get('start_date'), req.query.get('end_date')] }],
      },
    }));
  });
  afterAll(() => server.close());

  it('a long range is fetched in chunks that meet exactly, and merged in order', async () => {
    const terra = terraFor(server, { maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(
        instant,
        fc.integer({ min: 1, max: 200 * DAY }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        async (start, length, chunkDays, concurrency) => {
          server.requests.length = 0;
          const response = await terra.getSleepForUser('u1', {
            startDate: start,
            endDate: start + length,
            toWebhook: false,
            chunkDays,
            concurrency,
          });
          const windows = (
            response.getParsedResponse() as unknown as { data: Array<{ window: [string, string] }> }
          ).data.map((r) => r.window.map(Number));
          expect(windows).toHaveLength(server.requests.length);
          expect(windows[0]?.[0]).toBe(start);
          expect(windows.at(-1)?.[1]).toBe(start + length);
          for (let i = 1; i < windows.length; i++) expect(windows[i]?.[0]).toBe(windows[i - 1]?.[1]);
        },
      ),
      { numRuns: scaled(25, 200) },
    );
  });

  it('a range starting before 2001-09-09 goes out as windows whose every boundary terra-ts accepts', async () => {
    const terra = terraFor(server, { maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: Date.UTC(1970, 0, 1) / 1000 / DAY, max: EARLY_LAST_DAY }),
        fc.integer({ min: 1, max: 3_000 }),
        fc.integer({ min: 30, max: 400 }),
        async (firstDay, days, chunkDays) => {
          server.requests.length = 0;
          const startDate = dayString(new Date(firstDay * DAY * 1000));
          const endDate = dayString(new Date((firstDay + days) * DAY * 1000));
          const response = await terra.getSleepForUser('u1', {
            startDate,
            endDate,
            toWebhook: false,
            chunkDays,
          });
          const windows = (
            response.getParsedResponse() as unknown as { data: Array<{ window: [string, string] }> }
          ).data.map((r) => r.window.map(fromQuery));
          expect(windows).toHaveLength(Math.ceil(days / chunkDays));
          expect(windows[0]?.[0]).toBe(startDate);
          expect(windows.at(-1)?.[1]).toBe(endDate);
          for (const [i, [from, to]] of windows.entries()) {
            expect(parseDateInput(from, 'startDate').wire).toBe(from);
            expect(parseDateInput(to, 'endDate').wire).toBe(to);
            if (i > 0) expect(from).toBe(windows[i - 1]?.[1]);
          }
        },
      ),
      { numRuns: scaled(25, 200) },
    );
  });
});
