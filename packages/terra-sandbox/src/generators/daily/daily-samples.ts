import type { BodyBatterySample, HeartRateDataSample, StressSample } from 'terra-ts';
import type { TimestampFormatter } from '../world/timestamps.js';
import { BODY_BATTERY_MINUTES, type DayStress, STRESS_MINUTES } from './daily-stress.js';
import { DAILY_WINDOW_MINUTES } from './daily-summaries.js';
import { type DayTimeline, MinuteState } from './day-timeline.js';

/** One heart-rate sample per minute of the day. */
export function heartRateSamples(timeline: DayTimeline, fmt: TimestampFormatter): HeartRateDataSample[] {
  const length = timeline.state.length;
  const out: HeartRateDataSample[] = new Array(length);
  for (let m = 0; m < length; m++) {
    out[m] = {
      timestamp: fmt.format(timeline.startSeconds + m * 60),
      bpm: timeline.heartRate[m] ?? 0,
      context: timeline.state[m] === MinuteState.WORKOUT ? 1 : 2,
    };
  }
  return out;
}

/** Stress samples, skipping windows spent training. */
export function stressSamples(
  stress: DayStress,
  startSeconds: number,
  fmt: TimestampFormatter,
): StressSample[] {
  const out: StressSample[] = [];
  for (let i = 0; i < stress.stress.length; i++) {
    const level = stress.stress[i] ?? -1;
    if (level >= 0) out.push({ timestamp: fmt.format(startSeconds + i * STRESS_MINUTES * 60), level });
  }
  return out;
}

/** Body-battery samples, one per 15 minutes. */
export function bodyBatterySamples(
  stress: DayStress,
  startSeconds: number,
  fmt: TimestampFormatter,
): BodyBatterySample[] {
  return Array.from(stress.bodyBattery, (level, i) => ({
    timestamp: fmt.format(startSeconds + i * BODY_BATTERY_MINUTES * 60),
    level,
  }));
}

/**
 * One sample per 15-minute window. Cumulative series are stamped at the end of their window
 * (so the last sample sits at the day's end and equals the total); others at the window's start.
 */
export function windowSamples<T>(
  count: number,
  startSeconds: number,
  fmt: TimestampFormatter,
  atWindowEnd: boolean,
  make: (timestamp: string, index: number, timerSeconds: number) => T,
): T[] {
  const out: T[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const offset = (i + (atWindowEnd ? 1 : 0)) * DAILY_WINDOW_MINUTES * 60;
    out[i] = make(fmt.format(startSeconds + offset), i, offset);
  }
  return out;
}
