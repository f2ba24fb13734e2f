import { optionalDayParam } from '../data/date-range.js';
import { readJson } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import { asObject } from '../http/json-input.js';
import { badRequest, notFound } from '../http/problem.js';
import { requireParam } from '../http/query.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import type { SandboxRuntime } from '../runtime.js';
import { terraTimestamp } from '../state/time.js';
import type { PlannedWorkout } from '../state/workouts.js';
import { numericId, plannedDate, summary } from './workout-input.js';

function list(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const user = sandbox.requireUser(requireParam(ctx.query, 'user_id'));
  const from = optionalDayParam(ctx.query, 'start_date');
  const to = optionalDayParam(ctx.query, 'end_date');
  if (from && to && to < from) throw badRequest(`end_date ${to} is before start_date ${from}`);
  return sendJson(ctx, 200, sandbox.workouts.listPlanned(user.user_id, from, to));
}

function planned(sandbox: SandboxRuntime, ctx: RequestContext): { userId: string; workout: PlannedWorkout } {
  const id = numericId(ctx.params.plannedWorkoutId, 'planned_workout_id');
  const user = sandbox.requireUser(requireParam(ctx.query, 'user_id'));
  const workout = sandbox.workouts.getPlanned(user.user_id, id);
  if (!workout) throw notFound(`planned workout not found: ${id} for user ${user.user_id}`);
  return { userId: user.user_id, workout };
}

async function reschedule(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const { userId, workout } = planned(sandbox, ctx);
  const body = asObject(await readJson(ctx.req), 'reschedule request');
  const moved = sandbox.workouts.reschedule(
    userId,
    workout.planned_workout_id,
    plannedDate(body),
    terraTimestamp(),
  );
  await sendJson(ctx, 200, summary(moved ?? workout));
}

/** `/plannedWorkouts` and `/plannedWorkouts/{id}` (get, reschedule, delete). */
export function registerPlannedWorkoutRoutes(router: Router, sandbox: SandboxRuntime): void {
  const path = '/plannedWorkouts/:plannedWorkoutId';
  router.addApi({ method: 'GET', path: '/plannedWorkouts', handler: (ctx) => list(sandbox, ctx) });
  router.addApi({
    method: 'GET',
    path,
    handler: (ctx) => sendJson(ctx, 200, summary(planned(sandbox, ctx).workout)),
  });
  router.addApi({ method: 'PATCH', path, handler: (ctx) => reschedule(sandbox, ctx) });
  router.addApi({
    method: 'DELETE',
    path,
    handler: (ctx) => {
      const { userId, workout } = planned(sandbox, ctx);
      sandbox.workouts.deletePlanned(userId, workout.planned_workout_id);
      return sendEmpty(ctx, 204);
    },
  });
}
