import { describe, expect, it } from 'vitest';
import { GARMIN_USER } from '../support/sandbox.js';
import { assertResponse, assertSchema } from '../support/schemas.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();

const TEMPLATE = {
  name: 'Tempo run',
  sport: 'running',
  step_blocks: [
    {
      completion_condition: { type: 'reps', value: 1 },
      steps: [{ completion_condition: { type: 'time', value: 1200 }, intensity_type: 'active' }],
    },
  ],
};

const send = (method: string, body: unknown) => ({ method, body: JSON.stringify(body) });

describe('workouts and planned workouts', () => {
  it('creates, lists, gets, plans, reschedules and deletes', async () => {
    const created = await t.json('/v2/workouts', send('POST', TEMPLATE));
    expect(created.status).toBe(200);
    assertResponse('POST', '/workouts', 200, created.body);
    const id = created.body.workout_id as string;

    const list = await t.json('/v2/workouts');
    assertResponse('GET', '/workouts', 200, list.body);
    expect(list.body.map((w: { workout_id: string }) => w.workout_id)).toContain(id);

    const one = await t.json(`/v2/workouts/${id}`);
    assertSchema('WorkoutTemplate.yaml', one.body);
    expect(one.body.name).toBe('Tempo run');

    const planned = await t.json(
      `/v2/workouts/${id}/plan?user_id=${GARMIN_USER}`,
      send('POST', { planned_date: '2026-04-02' }),
    );
    expect(planned.status).toBe(201);
    assertResponse('POST', '/workouts/{workout_id}/plan', 201, planned.body);
    const pid = planned.body.planned_workout_id as string;

    const inWindow = await t.json(
      `/v2/plannedWorkouts?user_id=${GARMIN_USER}&start_date=2026-04-01&end_date=2026-04-02`,
    );
    assertResponse('GET', '/plannedWorkouts', 200, inWindow.body);
    expect(inWindow.body.map((p: { planned_workout_id: string }) => p.planned_workout_id)).toEqual([pid]);
    const outside = await t.json(`/v2/plannedWorkouts?user_id=${GARMIN_USER}&start_date=2026-04-03`);
    expect(outside.body).toEqual([]);

    const moved = await t.json(
      `/v2/plannedWorkouts/${pid}?user_id=${GARMIN_USER}`,
      send('PATCH', { planned_date: '2026-04-09' }),
    );
    assertResponse('PATCH', '/plannedWorkouts/{planned_workout_id}', 200, moved.body);
    expect(moved.body.planned_date).toBe('2026-04-09');
    const got = await t.json(`/v2/plannedWorkouts/${pid}?user_id=${GARMIN_USER}`);
    assertResponse('GET', '/plannedWorkouts/{planned_workout_id}', 200, got.body);
    expect(got.body).toMatchObject({ workout_id: id, is_external: false });

    expect(
      (await t.call(`/v2/plannedWorkouts/${pid}?user_id=${GARMIN_USER}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await t.call(`/v2/plannedWorkouts/${pid}?user_id=${GARMIN_USER}`)).status).toBe(404);

    // Deleting a template cascades to its planned instances.
    const again = await t.json(
      `/v2/workouts/${id}/plan?user_id=${GARMIN_USER}`,
      send('POST', { planned_date: '2026-05-01' }),
    );
    expect((await t.call(`/v2/workouts/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.call(`/v2/workouts/${id}`)).status).toBe(404);
    expect(
      (await t.call(`/v2/plannedWorkouts/${again.body.planned_workout_id}?user_id=${GARMIN_USER}`)).status,
    ).toBe(404);
  });

  it('refuses a template without its required fields, naming the field', async () => {
    const res = await t.json('/v2/workouts', send('POST', { name: 'x', sport: 'running' }));
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('step_blocks');
  });

  it('refuses a non-numeric workout id, an unknown user and a bad planned_date', async () => {
    expect((await t.call('/v2/workouts/abc')).status).toBe(400);
    const { body } = await t.json('/v2/workouts', send('POST', TEMPLATE));
    const noUser = await t.call(
      `/v2/workouts/${body.workout_id}/plan?user_id=nobody`,
      send('POST', { planned_date: '2026-04-02' }),
    );
    expect(noUser.status).toBe(404);
    const badDate = await t.json(
      `/v2/workouts/${body.workout_id}/plan?user_id=${GARMIN_USER}`,
      send('POST', { planned_date: 'soon' }),
    );
    expect(badDate.status).toBe(400);
    expect(badDate.body.detail).toContain('planned_date');
  });
});
