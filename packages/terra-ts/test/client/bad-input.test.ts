import { LabReports, PlannedWorkouts, Terra, TerraInvalidArgumentError, Workouts } from 'terra-ts';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { terraFor } from '../support/terra-for.js';
import { useTestServer } from '../support/use-test-server.js';

const server = useTestServer();
let terra: Terra;
beforeAll(() => {
  terra = terraFor(server);
});

// Deliberately wrong calls, as plain JavaScript callers could make them.
const loose = () => terra as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
const resources = { workouts: Workouts, plannedWorkouts: PlannedWorkouts, labReports: LabReports };
const section = (name: keyof typeof resources) =>
  new resources[name](terra) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

describe('bad input gets a TerraInvalidArgumentError naming the argument, never a bare TypeError', () => {
  const cases: Array<[string, () => Promise<unknown>, string]> = [
    [
      'a number as user id',
      () => loose().getSleepForUser?.(42, { startDate: '2024-01-01' }) as Promise<unknown>,
      'user',
    ],
    [
      'an empty user id',
      () => loose().getActivityForUser?.('', { startDate: '2024-01-01' }) as Promise<unknown>,
      'user',
    ],
    ['no options', () => loose().getBodyForUser?.('u1') as Promise<unknown>, 'options'],
    ['null options', () => loose().getDailyForUser?.('u1', null) as Promise<unknown>, 'options'],
    [
      'a malformed date',
      () => loose().getSleepForUser?.('u1', { startDate: '01/02/2024' }) as Promise<unknown>,
      'startDate',
    ],
    [
      'an end before the start',
      () =>
        loose().getSleepForUser?.('u1', {
          startDate: '2024-02-01',
          endDate: '2024-01-01',
        }) as Promise<unknown>,
      'endDate',
    ],
    [
      'a string concurrency',
      () =>
        loose().getSleepForUser?.('u1', { startDate: '2024-01-01', concurrency: '4' }) as Promise<unknown>,
      'concurrency',
    ],
    ['a string signal', () => loose().listProviders?.({ signal: 'stop' }) as Promise<unknown>, 'signal'],
    ['a negative timeout', () => loose().listProviders?.({ timeoutMs: -5 }) as Promise<unknown>, 'timeoutMs'],
    [
      // setTimeout fires at once for anything longer: the call would time out immediately.
      'a timeout longer than a timer can wait',
      () => loose().listProviders?.({ timeoutMs: 2 ** 31 }) as Promise<unknown>,
      'timeoutMs',
    ],
    ['a string as list params', () => loose().listUsers?.('page 2') as Promise<unknown>, 'params'],
    ['a string as bulk ids', () => loose().bulkUserInfo?.('u1,u2') as Promise<unknown>, 'userIds'],
    ['null auth params', () => loose().generateAuthenticationUrl?.(null) as Promise<unknown>, 'params'],
    ['an empty user for deauth', () => loose().deauthenticateUser?.(undefined) as Promise<unknown>, 'user'],
    ['a string as getUserInfo query', () => loose().getUserInfo?.('u1') as Promise<unknown>, 'query'],
    ['a null workout template', () => section('workouts').create?.(null) as Promise<unknown>, 'template'],
    ['a missing plan params', () => section('workouts').plan?.('5') as Promise<unknown>, 'params'],
    ['an object as workout id', () => section('workouts').get?.({ id: 5 }) as Promise<unknown>, 'workoutId'],
    [
      'a planned date as Date',
      () => section('plannedWorkouts').update?.('u1', '9', { plannedDate: new Date() }) as Promise<unknown>,
      'plannedDate',
    ],
    ['no upload params', () => section('labReports').upload?.() as Promise<unknown>, 'params'],
    [
      'a bad report date',
      () => section('labReports').list?.({ reportDateFrom: '2024-99-01' }) as Promise<unknown>,
      'reportDateFrom',
    ],
  ];

  it.each(cases)('%s', async (_label, call, argument) => {
    const before = server.requests.length;
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect((error as TerraInvalidArgumentError).argument).toBe(argument);
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['timeoutMs', 2 ** 31],
    ['retryBaseDelayMs', 2 ** 31],
    ['maxRetryDelayMs', 2 ** 31],
    ['maxRetryAfterSeconds', 2_147_484],
  ])('new Terra({ %s: %d }): longer than a timer can wait, refused with the bounds', (option, value) => {
    const error = (() => {
      try {
        terraFor(server, { [option]: value });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect((error as TerraInvalidArgumentError).argument).toBe(option);
    expect((error as Error).message).toMatch(/to 2147483/);
  });

  it.each([
    ['apiKey', { apiKey: 'key-distinctive-4711\n', devId: 'd' }],
    ['apiKey', { apiKey: ' key-distinctive-4711', devId: 'd' }],
    ['devId', { apiKey: 'k', devId: 'dev-distinctive\t4711' }],
    ['devId', { apiKey: 'k', devId: 'dev-distinctive\r\n' }],
  ])(
    'a %s with a line break, tab or surrounding space is refused at construction, without echoing it',
    (option, credentials) => {
      const error = (() => {
        try {
          new Terra({ ...credentials, baseUrl: server.baseUrl });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(TerraInvalidArgumentError);
      expect((error as TerraInvalidArgumentError).argument).toBe(option);
      expect((error as Error).message).toMatch(/line break/);
      expect((error as Error).message).not.toMatch(/distinctive/);
    },
  );

  it('a credential from the environment with a trailing newline is refused the same way', () => {
    vi.stubEnv('TERRA_API_KEY', 'env-key-distinctive\n');
    try {
      const error = (() => {
        try {
          new Terra({ devId: 'd', baseUrl: server.baseUrl });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(TerraInvalidArgumentError);
      expect((error as Error).message).toMatch(/TERRA_API_KEY/);
      expect((error as Error).message).not.toMatch(/distinctive/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('new Terra(null)', () => {
    expect(() => new Terra(null as never)).toThrow(TerraInvalidArgumentError);
  });

  it.each(Object.entries(resources))('new %s(not a client)', (name, Resource) => {
    for (const wrong of [undefined, null, {}, { apiKey: 'k', devId: 'd' }]) {
      const error = (() => {
        try {
          new Resource(wrong as never);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(TerraInvalidArgumentError);
      expect((error as TerraInvalidArgumentError).argument).toBe('terra');
      expect((error as Error).message).toContain(`new ${Resource.name}(new Terra(`);
    }
    expect(name in terra).toBe(false);
  });
});
