import { planWorkouts } from '../generators/activity/workout-plan.js';
import { planNap } from '../generators/sleep/nap-plan.js';
import { planNight } from '../generators/sleep/night-plan.js';
import { formatDay } from '../generators/world/calendar.js';
import type { GeneratorContext } from '../generators/world/context.js';
import { localDayOf } from '../generators/world/local-time.js';
import type { Persona } from '../generators/world/persona.js';
import { createRandom } from '../generators/world/random.js';

const MINUTE = 60;

/**
 * When a user's device syncs on local day `day` (epoch seconds, ascending, distinct): a few minutes
 * after waking (the night just ended goes up), a few minutes after each workout and nap ends,
 * every hour and a half to three hours while awake, and shortly before bed. Deterministic per
 * (seed, user, day), and cheap: only plans are drawn, never samples.
 */
export function syncInstantsOfDay(ctx: GeneratorContext, persona: Persona, day: number): number[] {
  const rng = createRandom(ctx.seed, persona.userId, formatDay(day), 'live-sync');
  const wake = planNight(ctx, persona, day - 1).endSeconds;
  const bed = planNight(ctx, persona, day).startSeconds;
  const instants = new Set<number>();
  instants.add(wake + rng.int(2, 20) * MINUTE);
  const bedSync = bed - rng.int(5, 30) * MINUTE;
  for (let t = wake + rng.int(60, 150) * MINUTE; t < bedSync; t += rng.int(90, 180) * MINUTE) instants.add(t);
  instants.add(bedSync);
  if (persona.profile.dataTypes.includes('activity')) {
    for (const w of planWorkouts(ctx, persona, day)) {
      instants.add(w.startSeconds + w.durationSeconds + rng.int(1, 12) * MINUTE);
    }
  }
  if (persona.profile.dataTypes.includes('sleep')) {
    const nap = planNap(ctx, persona, day);
    if (nap) instants.add(nap.endSeconds + rng.int(1, 10) * MINUTE);
  }
  return [...instants].sort((a, b) => a - b);
}

/** A user's sync instants in order, from just after a given instant on, day after day. */
export class SyncCursor {
  private buffer: number[] = [];
  private nextDay: number;
  private last: number;

  /** @param afterSeconds only instants after this one are given (epoch seconds). */
  constructor(
    private readonly ctx: GeneratorContext,
    private readonly persona: Persona,
    afterSeconds: number,
  ) {
    this.last = afterSeconds;
    // A day's syncs run from its morning to about its bedtime, which may pass midnight: start a day early.
    this.nextDay = localDayOf(persona, afterSeconds) - 1;
  }

  /** The next sync instant (epoch seconds), without taking it. */
  peek(): number {
    while (this.buffer.length === 0) {
      const day = this.nextDay++;
      // Days follow each other (a day's last sync is before the next day's first); anything not
      // after the last instant given is dropped rather than sent out of order.
      this.buffer = syncInstantsOfDay(this.ctx, this.persona, day).filter((t) => t > this.last);
    }
    return this.buffer[0] as number;
  }

  /** Takes the next sync instant (epoch seconds). */
  take(): number {
    const next = this.peek();
    this.buffer.shift();
    this.last = next;
    return next;
  }
}
