import { LabReports, PlannedWorkouts, type Terra, TerraInvalidArgumentError, User, Workouts } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { terraFor, wireUser } from '../support/terra-for.js';
import { useTestServer } from '../support/use-test-server.js';

const server = useTestServer(() => ({ status: 200, body: { status: 'success' } }));

// Each would change which resource a request names: `/workouts/..` is `/v2/`, `a/b` another path,
// `?`/`#` end the path, `%2F` turns into `/` behind a proxy that decodes twice, controls split headers or logs.
const BAD_IDS = [
  '.',
  '..',
  '',
  '   ',
  'a/b',
  '../users',
  'a\\b',
  'a?b=1',
  'a#b',
  '%2F',
  '..%2F',
  'a\nb',
  'a\u0000b',
  'a\u0085b',
];

const day = '2024-01-01';
type Call = (terra: Terra, id: string) => Promise<unknown> | AsyncGenerator<unknown>;

const calls: [string, Call][] = [
  ['deauthenticateUser', (t, id) => t.deauthenticateUser(id)],
  ['getUserInfo({ userId })', (t, id) => t.getUserInfo({ userId: id })],
  ['fromUserId', (t, id) => t.fromUserId(id)],
  ['bulkUserInfo', (t, id) => t.bulkUserInfo(['ok-id', id])],
  ['getActivityForUser', (t, id) => t.getActivityForUser(id, { startDate: day })],
  ['getBodyForUser', (t, id) => t.getBodyForUser(id, { startDate: day })],
  ['getDailyForUser', (t, id) => t.getDailyForUser(id, { startDate: day })],
  ['getSleepForUser', (t, id) => t.getSleepForUser(id, { startDate: day })],
  ['getNutritionForUser', (t, id) => t.getNutritionForUser(id, { startDate: day })],
  ['getMenstruationForUser', (t, id) => t.getMenstruationForUser(id, { startDate: day })],
  ['getAthleteForUser', (t, id) => t.getAthleteForUser(id)],
  [
    'iterateDataForUser',
    (t, id) => t.iterateDataForUser(id, 'sleep', { startDate: day, endDate: '2024-03-01' }),
  ],
  [
    'a User whose user_id a server sent',
    (t, id) => new User({ ...wireUser(id) }, t).getSleep({ startDate: day }),
  ],
  ['Workouts.get', (t, id) => new Workouts(t).get(id)],
  ['Workouts.delete', (t, id) => new Workouts(t).delete(id)],
  ['Workouts.plan (template id)', (t, id) => new Workouts(t).plan(id, { user: 'ok-id', plannedDate: day })],
  ['Workouts.plan (user)', (t, id) => new Workouts(t).plan('ok-id', { user: id, plannedDate: day })],
  ['PlannedWorkouts.list', (t, id) => new PlannedWorkouts(t).list(id)],
  ['PlannedWorkouts.get (user)', (t, id) => new PlannedWorkouts(t).get(id, 'ok-id')],
  ['PlannedWorkouts.get (id)', (t, id) => new PlannedWorkouts(t).get('ok-id', id)],
  ['PlannedWorkouts.update', (t, id) => new PlannedWorkouts(t).update('ok-id', id, { plannedDate: day })],
  ['PlannedWorkouts.delete', (t, id) => new PlannedWorkouts(t).delete('ok-id', id)],
  ['LabReports.get', (t, id) => new LabReports(t).get(id)],
  ['LabReports.delete', (t, id) => new LabReports(t).delete(id)],
  ['LabReports.deliveries', (t, id) => new LabReports(t).deliveries(id)],
  ['LabReports.files', (t, id) => new LabReports(t).files(id)],
  ['LabReports.list({ uploadId })', (t, id) => new LabReports(t).list({ uploadId: id })],
];

async function outcome(call: Call, terra: Terra, id: string): Promise<unknown> {
  try {
    const started = call(terra, id);
    if (Symbol.asyncIterator in started) return await (started as AsyncGenerator<unknown>).next();
    return await started;
  } catch (error) {
    return error;
  }
}

describe.each(calls)('%s', (_name, call) => {
  it.each(BAD_IDS)('refuses the id %j before any request', async (id) => {
    const error = await outcome(call, terraFor(server, { maxRetries: 0 }), id);
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('ids Terra really uses', () => {
  it.each(['2b7d1c9e-5f0a-4c3b-9d8e-7f6a5b4c3d2e', '12345', 'user_1-x.y:z'])(
    'pass %j through as one encoded path segment',
    async (id) => {
      await new Workouts(terraFor(server)).get(id);
      expect(server.requests.map((r) => r.path)).toEqual([`/v2/workouts/${encodeURIComponent(id)}`]);
    },
  );

  it('names the argument and what an id may not contain', async () => {
    const error = (await outcome((t, id) => new Workouts(t).delete(id), terraFor(server), '..')) as Error;
    expect((error as TerraInvalidArgumentError).argument).toBe('workoutId');
    expect(error.message).toMatch(/workoutId must be one Terra id.*"\.\."/);
  });
});
