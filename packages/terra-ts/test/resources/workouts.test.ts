import { PlannedWorkouts, TerraInvalidArgumentError, Workouts, type WorkoutTemplate } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { terraFor } from '../support/terra-for.js';
import type { Reply } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

let reply: Reply = {};
const server = useTestServer(() => reply);

const template = {
  name: 'Intervals',
  sport: 'RUNNING',
  step_blocks: [{ completion_condition: { type: 'ITERATIONS', value: 4 }, steps: [] }],
} as unknown as WorkoutTemplate;

describe('workouts', () => {
  it('create POSTs the template as is to /workouts', async () => {
    reply = { body: { status: 'success', workout_id: '77' } };
    const res = await new Workouts(terraFor(server)).create(template);
    expect([server.requests[0]?.method, server.requests[0]?.path]).toEqual(['POST', '/v2/workouts']);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(template);
    expect(res.getParsedResponse().workout_id).toBe('77');
  });

  it('create is not repeated after a 500, so a template is never stored twice', async () => {
    reply = { status: 500 };
    await expect(new Workouts(terraFor(server)).create(template)).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it('list GETs /workouts', async () => {
    reply = { body: [{ ...template, workout_id: '1' }] };
    const res = await new Workouts(terraFor(server)).list();
    expect(server.requests[0]?.path).toBe('/v2/workouts');
    expect(res.getParsedResponse().workouts[0]?.workout_id).toBe('1');
    expect(res.getParsedResponse().workouts).toBe(res.getJson());
  });

  it('get GETs /workouts/{id}', async () => {
    reply = { body: { ...template, workout_id: '5' } };
    const res = await new Workouts(terraFor(server)).get('5');
    expect(server.requests[0]?.path).toBe('/v2/workouts/5');
    expect(res.getParsedResponse().workout.name).toBe('Intervals');
  });

  it('delete DELETEs /workouts/{id} and reads 204 and 207', async () => {
    const terra = terraFor(server);
    reply = { status: 204 };
    const done = await new Workouts(terra).delete('5');
    expect([server.requests[0]?.method, server.requests[0]?.path]).toEqual(['DELETE', '/v2/workouts/5']);
    expect(done.getParsedResponse().partial).toBe(false);
    reply = { status: 207, body: { message: 'garmin deletion failed' } };
    const partial = await new Workouts(terra).delete('5');
    expect(partial.getParsedResponse()).toMatchObject({ partial: true, message: 'garmin deletion failed' });
  });

  it('plan POSTs /workouts/{id}/plan?user_id= with the snake_case body', async () => {
    reply = {
      status: 201,
      body: { status: 'success', planned_workout_id: '2048', provider_workout_id: 'g-1' },
    };
    const res = await new Workouts(terraFor(server)).plan('5', {
      user: 'u1',
      plannedDate: '2024-06-01',
      ftp: 250,
      maxHeartRate: 190,
      thresholdHeartRate: 170,
      thresholdSpeed: 4.2,
      poolLengthMeters: 25,
    });
    const req = server.requests[0];
    expect([req?.method, req?.path, req?.query.get('user_id')]).toEqual([
      'POST',
      '/v2/workouts/5/plan',
      'u1',
    ]);
    expect(JSON.parse(req?.body ?? '')).toEqual({
      planned_date: '2024-06-01',
      ftp: 250,
      max_heart_rate: 190,
      threshold_heart_rate: 170,
      threshold_speed: 4.2,
      pool_length_meters: 25,
    });
    expect(res.getParsedResponse().planned_workout_id).toBe('2048');
  });

  it('rejects a bad planned date or id before sending', async () => {
    const terra = terraFor(server);
    await expect(
      new Workouts(terra).plan('5', { user: 'u1', plannedDate: '2024-02-30' }),
    ).rejects.toBeInstanceOf(TerraInvalidArgumentError);
    await expect(new Workouts(terra).get('')).rejects.toThrow(/workoutId/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('planned workouts', () => {
  it('list GETs /plannedWorkouts with user_id and the optional window', async () => {
    reply = { body: [{ planned_workout_id: '1' }] };
    const res = await new PlannedWorkouts(terraFor(server)).list('u1', {
      startDate: '2024-06-01',
      endDate: '2024-06-30',
    });
    expect(server.requests[0]?.path).toBe('/v2/plannedWorkouts');
    expect(server.requests[0]?.query.toString()).toBe('user_id=u1&start_date=2024-06-01&end_date=2024-06-30');
    expect(res.getParsedResponse().planned_workouts).toHaveLength(1);
  });

  it('get, update and delete address /plannedWorkouts/{id}?user_id=', async () => {
    const terra = terraFor(server);
    reply = { body: { planned_workout_id: '9', planned_date: '2024-06-02' } };
    const got = await new PlannedWorkouts(terra).get('u1', '9');
    const moved = await new PlannedWorkouts(terra).update('u1', '9', { plannedDate: '2024-06-03' });
    reply = { status: 204 };
    await new PlannedWorkouts(terra).delete('u1', '9');
    expect(server.requests.map((r) => [r.method, r.path, r.query.get('user_id')])).toEqual([
      ['GET', '/v2/plannedWorkouts/9', 'u1'],
      ['PATCH', '/v2/plannedWorkouts/9', 'u1'],
      ['DELETE', '/v2/plannedWorkouts/9', 'u1'],
    ]);
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({ planned_date: '2024-06-03' });
    expect(got.getParsedResponse().planned_workout.planned_date).toBe('2024-06-02');
    expect(moved.getParsedResponse().kind).toBe('planned_workout');
  });
});
