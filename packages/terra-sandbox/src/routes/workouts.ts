import { readJson } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import { asObject } from '../http/json-input.js';
import { notFound } from '../http/problem.js';
import { requireParam } from '../http/query.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import type { SandboxRuntime } from '../runtime.js';
import { terraTimestamp } from '../state/time.js';
import { numericId, plannedDate, validateTemplate } from './workout-input.js';

function template(sandbox: SandboxRuntime, ctx: RequestContext) {
  const id = numericId(ctx.params.workoutId, 'workout_id');
  const found = sandbox.workouts.getTemplate(id);
  if (!found) throw notFound(`workout not found: no template with workout_id ${id}`);
  return found;
}

async function create(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const body = asObject(await readJson(ctx.req), 'workout template');
  validateTemplate(body);
  const stored = sandbox.workouts.createTemplate(body);
  await sendJson(ctx, 200, { status: 'success', workout_id: stored.workout_id });
}

async function plan(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const workout = template(sandbox, ctx);
  const user = sandbox.requireUser(requireParam(ctx.query, 'user_id'));
  const body = asObject(await readJson(ctx.req), 'plan request');
  const planned = sandbox.workouts.plan(
    workout.workout_id,
    user.user_id,
    plannedDate(body),
    terraTimestamp(),
  );
  await sendJson(ctx, 201, {
    status: 'success',
    planned_workout_id: planned.planned_workout_id,
    provider_workout_id: planned.provider_workout_id,
  });
}

/** `/workouts` (templates) and `/workouts/{id}/plan`. */
export function registerWorkoutRoutes(router: Router, sandbox: SandboxRuntime): void {
  router.addApi({ method: 'POST', path: '/workouts', handler: (ctx) => create(sandbox, ctx) });
  router.addApi({
    method: 'GET',
    path: '/workouts',
    handler: (ctx) => sendJson(ctx, 200, sandbox.workouts.listTemplates()),
  });
  router.addApi({
    method: 'GET',
    path: '/workouts/:workoutId',
    handler: (ctx) => sendJson(ctx, 200, template(sandbox, ctx)),
  });
  router.addApi({
    method: 'DELETE',
    path: '/workouts/:workoutId',
    handler: (ctx) => {
      sandbox.workouts.deleteTemplate(template(sandbox, ctx).workout_id);
      return sendEmpty(ctx, 204);
    },
  });
  router.addApi({ method: 'POST', path: '/workouts/:workoutId/plan', handler: (ctx) => plan(sandbox, ctx) });
}
