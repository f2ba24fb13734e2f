import {
  type DataReturned,
  InternalServerError,
  type SentToWebhook,
  TerraAbortError,
  TerraInvalidArgumentError,
  User,
} from 'terra-ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { terraFor, wireUser } from '../support/terra-for.js';
import type { Handler, RecordedRequest } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

const server = useTestServer();
beforeEach(() => {
  server.inFlight.max = 0;
  server.setHandler(echoData);
});

/** Answers with one record per request, tagged with the window it was asked for. */
const echoData: Handler = (req) => {
  if (req.query.get('to_webhook') === 'true') {
    return {
      body: { status: 'success', type: req.path.slice(4), reference: `ref-${req.query.get('start_date')}` },
    };
  }
  return {
    body: {
      user: wireUser(req.query.get('user_id') ?? ''),
      data: [{ window: [req.query.get('start_date'), req.query.get('end_date')] }],
      type: req.path.slice(4),
    },
  };
};

/** `echoData` after a short pause, so that chunk requests overlap and the in-flight bound is exercised. */
const slowEchoData: Handler = async (req) => {
  await new Promise((r) => setTimeout(r, 15));
  return echoData(req);
};

function windows(requests: RecordedRequest[]) {
  return requests.map((r) => [r.query.get('start_date'), r.query.get('end_date')]);
}

/** A wire date (`YYYY-MM-DD` or unix seconds) as unix seconds, to order windows by time. */
function wireSeconds(value: string | null | undefined): number {
  return /^\d+$/.test(value ?? '') ? Number(value) : Date.parse(`${value}T00:00:00Z`) / 1000;
}

/** The requested windows in chronological order (requests in flight arrive in any order). */
function windowsInTimeOrder(requests: RecordedRequest[]) {
  return windows(requests).sort((a, b) => wireSeconds(a[0]) - wireSeconds(b[0]));
}

describe('data requests', () => {
  it.each([
    ['getActivityForUser', '/v2/activity'],
    ['getBodyForUser', '/v2/body'],
    ['getDailyForUser', '/v2/daily'],
    ['getSleepForUser', '/v2/sleep'],
    ['getNutritionForUser', '/v2/nutrition'],
    ['getMenstruationForUser', '/v2/menstruation'],
  ] as const)('%s GETs %s with explicit to_webhook and with_samples defaults', async (method, path) => {
    await terraFor(server)[method]('u1', { startDate: '2024-01-01', endDate: '2024-01-08' });
    const req = server.requests[0];
    expect(req?.method).toBe('GET');
    expect(req?.path).toBe(path);
    expect(Object.fromEntries(req?.query ?? [])).toEqual({
      user_id: 'u1',
      start_date: '2024-01-01',
      end_date: '2024-01-08',
      to_webhook: 'true',
      with_samples: 'true',
    });
  });

  it('sends false flags as the string false', async () => {
    await terraFor(server).getSleepForUser('u1', {
      startDate: '2024-01-01',
      toWebhook: false,
      withSamples: false,
    });
    expect(server.requests[0]?.query.get('to_webhook')).toBe('false');
    expect(server.requests[0]?.query.get('with_samples')).toBe('false');
  });

  it('sends a Date as unix seconds, and leaves end_date out when no endDate is given', async () => {
    await terraFor(server).getSleepForUser('u1', { startDate: new Date('2024-01-01T06:00:00Z') });
    expect(server.requests[0]?.query.get('start_date')).toBe('1704088800');
    expect(server.requests[0]?.query.has('end_date')).toBe(false);
  });

  it('passes extra query parameters through', async () => {
    await terraFor(server).getDailyForUser('u1', { startDate: '2024-01-01', query: { timezone: 'UTC' } });
    expect(server.requests[0]?.query.get('timezone')).toBe('UTC');
  });

  it('parses inline data to DataReturned and the acknowledgement to SentToWebhook', async () => {
    const terra = terraFor(server);
    const inline = await terra.getSleepForUser('u1', { startDate: '2024-01-01', toWebhook: false });
    expect(inline.getParsedResponse().kind).toBe('data_returned');
    const ack = await terra.getSleepForUser('u1', { startDate: '2024-01-01' });
    expect(ack.getParsedResponse().kind).toBe('sent_to_webhook');
    expect((ack.getParsedResponse() as SentToWebhook).reference).toBe('ref-2024-01-01');
  });

  it('getAthleteForUser GETs /athlete with to_webhook and no dates, and keeps the profile', async () => {
    server.setHandler(() => ({
      body: { user: wireUser(), athlete: { first_name: 'Ada' }, type: 'athlete' },
    }));
    const res = await terraFor(server).getAthleteForUser('u1', { toWebhook: false });
    expect(server.requests[0]?.path).toBe('/v2/athlete');
    expect(Object.fromEntries(server.requests[0]?.query ?? [])).toEqual({
      user_id: 'u1',
      to_webhook: 'false',
    });
    const parsed = res.getParsedResponse();
    expect(parsed.kind).toBe('athlete_returned');
    if (parsed.kind === 'athlete_returned') expect(parsed.athlete.first_name).toBe('Ada');
  });

  it('rejects bad input before sending anything', async () => {
    const terra = terraFor(server);
    const attempts = [
      terra.getSleepForUser('u1', { startDate: '2024-02-01', endDate: '2024-01-01' }),
      terra.getSleepForUser('u1', { startDate: '2024-02-30' }),
      terra.getSleepForUser('u1', { startDate: 1704067200000 }),
      terra.getSleepForUser('', { startDate: '2024-01-01' }),
      // @ts-expect-error: a user id is a string
      terra.getSleepForUser(42, { startDate: '2024-01-01' }),
      // @ts-expect-error: options are required
      terra.getSleepForUser('u1'),
      // @ts-expect-error: toWebhook is a boolean
      terra.getSleepForUser('u1', { startDate: '2024-01-01', toWebhook: 'yes' }),
      terra.getSleepForUser('u1', { startDate: '2024-01-01', endDate: '2024-03-01', chunkDays: 0 }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(TerraInvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('ranges split into chunks', () => {
  it('splits a range over 1,825 days on its own and merges the data in order', async () => {
    const res = await terraFor(server).getSleepForUser('u1', {
      startDate: '2018-01-01',
      endDate: '2024-01-01',
      toWebhook: false,
    });
    expect(server.requests).toHaveLength(2);
    const parsed = res.getParsedResponse() as unknown as DataReturned<{ window: string[] }>;
    expect(parsed.kind).toBe('data_returned');
    expect(parsed.data.map((d) => d.window)).toEqual(windowsInTimeOrder(server.requests));
    expect(parsed.data[0]?.window[0]).toBe('2018-01-01');
    expect(parsed.data[1]?.window[1]).toBe('2024-01-01');
    expect(res.chunks).toHaveLength(2);
    expect(res.getJson()).toBe(parsed.json);
  });

  it('with chunkDays 30 covers a year in 13 windows that meet exactly, merged in order', async () => {
    // Later chunks answer first, so order must come from the merge, not from arrival.
    server.setHandler(async (req) => {
      const start = req.query.get('start_date') ?? '';
      const late = start === '2024-01-01' ? 40 : 0;
      await new Promise((r) => setTimeout(r, late));
      return echoData(req);
    });
    const res = await terraFor(server).getSleepForUser('u1', {
      startDate: '2024-01-01',
      endDate: '2025-01-01',
      toWebhook: false,
      chunkDays: 30,
    });
    const parsed = res.getParsedResponse() as unknown as DataReturned<{ window: [string, string] }>;
    const got = parsed.data.map((d) => d.window);
    expect(got).toHaveLength(13);
    expect(got[0]?.[0]).toBe('2024-01-01');
    expect(got.at(-1)?.[1]).toBe('2025-01-01');
    for (let i = 1; i < got.length; i++) expect(got[i]?.[0]).toBe(got[i - 1]?.[1]);
    expect(Number(got[1]?.[0])).toBe(Date.UTC(2024, 0, 31) / 1000);
  });

  it('keeps at most `concurrency` chunk requests in flight', async () => {
    server.setHandler(slowEchoData);
    await terraFor(server).getSleepForUser('u1', {
      startDate: '2024-01-01',
      endDate: '2025-01-01',
      toWebhook: false,
      chunkDays: 30,
      concurrency: 3,
    });
    expect(server.requests).toHaveLength(13);
    expect(server.inFlight.max).toBeLessThanOrEqual(3);
  });

  it('runs up to 8 chunk requests at once by default, and no more', async () => {
    server.setHandler(slowEchoData);
    await terraFor(server).getSleepForUser('u1', {
      startDate: '2024-01-01',
      endDate: '2025-01-01',
      toWebhook: false,
      chunkDays: 30,
    });
    expect(server.requests).toHaveLength(13);
    expect(server.inFlight.max).toBeLessThanOrEqual(8);
    expect(server.inFlight.max).toBeGreaterThan(4);
  });

  it('serialises the merged body on demand as rawBody', async () => {
    const res = await terraFor(server).getSleepForUser('u1', {
      startDate: '2024-01-01',
      endDate: '2024-03-01',
      toWebhook: false,
      chunkDays: 30,
    });
    expect(JSON.parse(res.rawBody)).toEqual(res.getJson());
    expect((res.getJson() as { data: unknown[] }).data).toHaveLength(2);
  });

  it('merges chunk acknowledgements into one SentToWebhook listing every reference', async () => {
    const res = await terraFor(server).getActivityForUser('u1', {
      startDate: '2024-01-01',
      endDate: '2024-03-01',
      chunkDays: 30,
    });
    const parsed = res.getParsedResponse() as SentToWebhook;
    expect(parsed.kind).toBe('sent_to_webhook');
    expect(parsed.references).toEqual(server.requests.map((r) => `ref-${r.query.get('start_date')}`));
    expect(parsed.references).toHaveLength(2);
  });

  it("fails the whole call when a chunk fails, with that chunk's error", async () => {
    server.setHandler((req) =>
      req.query.get('start_date') === '2024-01-01'
        ? echoData(req)
        : { status: 400, body: { detail: 'bad window' } },
    );
    const error = await terraFor(server)
      .getSleepForUser('u1', {
        startDate: '2024-01-01',
        endDate: '2024-04-01',
        toWebhook: false,
        chunkDays: 30,
      })
      .catch((e) => e);
    expect(error.message).toContain('bad window');
  });
});

describe('iterating chunk by chunk', () => {
  it('yields one response per 30-day chunk, in order, defaulting to inline data', async () => {
    const terra = terraFor(server);
    const user = new User(wireUser('u1'), terra);
    const seen: unknown[] = [];
    for await (const chunk of user.iterateSleep({ startDate: '2024-01-01', endDate: '2024-04-01' })) {
      const parsed = chunk.getParsedResponse();
      if (parsed.kind === 'data_returned')
        seen.push((parsed.data[0] as unknown as { window: unknown }).window);
    }
    expect(seen).toEqual(windowsInTimeOrder(server.requests));
    expect(seen).toHaveLength(4);
    expect(server.requests.every((r) => r.query.get('to_webhook') === 'false')).toBe(true);
  });

  it('stops requesting when the loop breaks early', async () => {
    server.setHandler(async (req) => {
      await new Promise((r) => setTimeout(r, 5));
      return echoData(req);
    });
    const terra = terraFor(server);
    for await (const _chunk of terra.iterateDataForUser('u1', 'daily', {
      startDate: '2020-01-01',
      endDate: '2024-01-01',
      chunkDays: 7,
      concurrency: 2,
    })) {
      break;
    }
    await new Promise((r) => setTimeout(r, 30));
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });

  it('surfaces a failing chunk when its turn comes', async () => {
    server.setHandler((req) =>
      req.query.get('start_date') === '2024-01-01' ? echoData(req) : { status: 500 },
    );
    const terra = terraFor(server, { maxRetries: 0 });
    const got: unknown[] = [];
    const error = await (async () => {
      for await (const chunk of terra.iterateDataForUser('u1', 'sleep', {
        startDate: '2024-01-01',
        endDate: '2024-03-01',
      })) {
        got.push(chunk);
      }
    })().catch((e) => e);
    expect(got).toHaveLength(1);
    expect(error).toBeInstanceOf(InternalServerError);
  });

  it('needs an end date', async () => {
    const iterator = terraFor(server).iterateDataForUser('u1', 'sleep', {
      startDate: '2024-01-01',
    } as never);
    await expect(iterator.next()).rejects.toThrow(/endDate/);
  });
});

describe('cancelling a chunked request', () => {
  it('aborts every chunk in flight and rejects with TerraAbortError', async () => {
    server.setHandler(async (req) => {
      await new Promise((r) => setTimeout(r, 2_000));
      return echoData(req);
    });
    const controller = new AbortController();
    const pending = terraFor(server).getSleepForUser('u1', {
      startDate: '2024-01-01',
      endDate: '2025-01-01',
      toWebhook: false,
      chunkDays: 30,
      signal: controller.signal,
    });
    // The default 8 chunks are in flight; the other 5 of the 13 must never be requested.
    while (server.requests.length < 8) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(TerraAbortError);
    expect(server.requests).toHaveLength(8);
  });
});
