import type { Sleep } from 'terra-ts';
import { hasEnded } from '../world/as-of.js';
import type { GenerateOptions, GeneratorContext } from '../world/context.js';
import { openDay } from '../world/day-request.js';
import { deviceDataOf } from '../world/device.js';
import type { Persona } from '../world/persona.js';
import { TimestampFormatter } from '../world/timestamps.js';
import { sleepPlansStartingOn } from './sleep-plans.js';
import { respirationOf, sleepDurationsOf, sleepHeartRateOf } from './sleep-sections.js';
import { recoveryLevelOf, type SleepSession, simulateSleep } from './sleep-session.js';

/**
 * The sleep sessions that start on a local day (`YYYY-MM-DD`): usually the night that begins that
 * evening, sometimes a nap. Stage durations add up exactly (asleep = light + deep + REM, in bed =
 * asleep + awake) and match the hypnogram, whose samples mark each change of stage from the start
 * of the session; each level holds until the next sample, the last until `end_time`. With `now`,
 * only the sessions that have ended by then (a night is uploaded when the user wakes).
 *
 * @example
 * const [night] = generateSleep({ seed: 1, user }, '2026-03-01', { withSamples: true });
 */
export function generateSleep(ctx: GeneratorContext, day: string, opts?: Partial<GenerateOptions>): Sleep[] {
  const request = openDay(ctx, day, opts, 'sleep');
  if (!request) return [];
  const { dayNumber, withSamples, now, persona } = request;
  return sleepPlansStartingOn(ctx, persona, dayNumber)
    .filter((plan) => hasEnded(plan.endSeconds, now))
    .map((plan) => buildSleep(persona, simulateSleep(ctx, persona, plan), withSamples));
}

function buildSleep(persona: Persona, session: SleepSession, withSamples: boolean): Sleep {
  const { plan, stats } = session;
  const fmt = new TimestampFormatter(persona.timeZone);
  const asleep = stats.lightSeconds + stats.deepSeconds + stats.remSeconds;
  const inBed = asleep + stats.awakeSeconds;
  const recovery = recoveryLevelOf(session.readiness);
  return {
    metadata: {
      summary_id: plan.summaryId,
      start_time: fmt.format(plan.startSeconds),
      end_time: fmt.format(plan.endSeconds),
      is_nap: plan.isNap,
      upload_type: 2,
      timestamp_localization: 1,
    },
    device_data: deviceDataOf(persona),
    sleep_durations_data: sleepDurationsOf(session, fmt, withSamples),
    heart_rate_data: sleepHeartRateOf(persona, session, fmt, withSamples),
    respiration_data: respirationOf(persona, session, fmt, withSamples),
    readiness_data: { readiness: session.readiness, recovery_level: recovery },
    scores: { sleep: session.sleepScore },
    temperature_data: { delta: session.temperatureDelta },
    data_enrichment: {
      sleep_score: session.sleepScore,
      readiness_score: session.readiness,
      sleep_contributors: {
        duration: Math.round(Math.min(1, asleep / (persona.sleepNeedMinutes * 60)) * 100),
        efficiency: inBed === 0 ? 0 : Math.round((asleep / inBed) * 100),
      },
    },
  };
}
