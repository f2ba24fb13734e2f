import { type Sandbox, startSandbox } from 'terra-sandbox';
import {
  AuthenticationError,
  type DataReturned,
  NotFoundError,
  RateLimitError,
  type Sleep,
  Terra,
  TerraError,
  TerraResponseParseError,
} from 'terra-ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// The same client code against the local Terra the sandbox package provides.
let sandbox: Sandbox;
let terra: Terra;
let garminId: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: [{ provider: 'GARMIN', user_id: 'garmin-user' }] });
  terra = new Terra({
    apiKey: sandbox.apiKey,
    devId: sandbox.devId,
    baseUrl: sandbox.baseUrl,
    retryBaseDelayMs: 1,
    maxRetryDelayMs: 5,
  });
  garminId = 'garmin-user';
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.setFaults({}));

describe('terra-ts against terra-sandbox', () => {
  it('lists providers and users', async () => {
    const providers = (await terra.listProviders()).getParsedResponse();
    expect(providers.providers).toContain('GARMIN');
    const users = (await terra.listUsers()).getParsedResponse().users;
    expect(users.map((u) => u.user_id)).toContain(garminId);
  });

  it('fills a user from /userInfo and rejects an unknown one', async () => {
    const user = await terra.fromUserId(garminId);
    expect(user.provider).toBe('GARMIN');
    await expect(terra.fromUserId('no-such-user')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('backfills a year of sleep in 30-day chunks, in order, without gaps or overlaps', async () => {
    const user = await terra.fromUserId(garminId);
    const res = await user.getSleep({
      startDate: '2024-01-01',
      endDate: '2025-01-01',
      toWebhook: false,
      withSamples: false,
      chunkDays: 30,
      concurrency: 13,
    });
    expect(res.chunks).toHaveLength(13);
    const parsed = res.getParsedResponse() as DataReturned<Sleep>;
    expect(parsed.kind).toBe('data_returned');
    const starts = parsed.data.map((s) => Date.parse(s.metadata.start_time));
    expect(starts.length).toBeGreaterThan(300);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1] as number);

    const single = await user.getSleep({
      startDate: '2024-01-01',
      endDate: '2025-01-01',
      toWebhook: false,
      withSamples: false,
    });
    const whole = single.getParsedResponse() as DataReturned<Sleep>;
    expect(parsed.data.map((s) => s.metadata.start_time)).toEqual(
      whole.data.map((s) => s.metadata.start_time),
    );
  });

  it('splits a six-year range on its own, so the sandbox never applies rule r1', async () => {
    const res = await terra.getBodyForUser(garminId, {
      startDate: '2018-01-01',
      endDate: '2024-01-01',
      toWebhook: false,
      withSamples: false,
    });
    expect(res.chunks).toHaveLength(2);
    expect(res.getParsedResponse().kind).toBe('data_returned');
    // The same window in one request is what r1 forbids.
    const raw = await fetch(
      `${sandbox.baseUrl}/body?user_id=${garminId}&start_date=2018-01-01&end_date=2024-01-01&to_webhook=false`,
      { headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId } },
    );
    expect(raw.status).toBe(429);
    expect(raw.headers.get('x-terra-ratelimit-rule')).toBe('r1');
  });

  it('returns the athlete profile', async () => {
    const res = await terra.getAthleteForUser(garminId, { toWebhook: false });
    expect(res.getParsedResponse().kind).toBe('athlete_returned');
  });

  it('retries a 503 the sandbox injects once', async () => {
    sandbox.setFaults({ status: 503, times: 1 });
    const res = await terra.listProviders();
    expect(res.status).toBe(200);
  });

  it('does not retry rule r1', async () => {
    sandbox.setFaults({ r1: true, times: 1 });
    const error = await terra
      .getSleepForUser(garminId, { startDate: '2024-01-01', toWebhook: false })
      .catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.rule).toBe('r1');
  });

  it('reports an HTML page from a proxy', async () => {
    sandbox.setFaults({ html: true, times: 1 });
    await expect(terra.listProviders({ maxRetries: 0 })).rejects.toBeInstanceOf(TerraResponseParseError);
  });

  it('reports a truncated body', async () => {
    sandbox.setFaults({ truncate: true, times: 1 });
    await expect(terra.listProviders({ maxRetries: 0 })).rejects.toBeInstanceOf(TerraError);
  });

  it('rejects a wrong API key with AuthenticationError', async () => {
    const wrong = new Terra({ apiKey: 'wrong-key', devId: sandbox.devId, baseUrl: sandbox.baseUrl });
    const error = await wrong.listUsers().catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).not.toContain('wrong-key');
  });
});
