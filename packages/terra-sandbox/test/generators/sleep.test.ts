import type { Sleep } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { generateRange, generateSleep } from '../../src/generators/index.js';
import { contextFor, daysFrom, instant, TERRA_TIMESTAMP } from './users.js';

const ctx = contextFor('sleep-ring', 'OURA');
const days = daysFrom('2026-03-01', 28);
const nights = generateRange('sleep', ctx, '2026-03-01', '2026-03-29', { withSamples: true });
const mains = nights.filter((s) => s.metadata.is_nap === false);

/** Seconds spent at each hypnogram level: each level holds until the next sample, the last until end_time. */
function secondsByLevel(sleep: Sleep): Map<number, number> {
  const samples = sleep.sleep_durations_data?.hypnogram_samples ?? [];
  const out = new Map<number, number>();
  samples.forEach((s, i) => {
    const until = i + 1 < samples.length ? samples[i + 1]?.timestamp : sleep.metadata.end_time;
    const seconds = (instant(until) - instant(s.timestamp)) / 1000;
    out.set(s.level ?? 0, (out.get(s.level ?? 0) ?? 0) + seconds);
  });
  return out;
}

describe('generateSleep', () => {
  it('has one main sleep per night, each starting on the day it was asked for', () => {
    expect(mains.length).toBeGreaterThanOrEqual(26);
    for (const day of days) {
      for (const s of generateSleep(ctx, day, { withSamples: false }))
        expect(s.metadata.start_time.slice(0, 10)).toBe(day);
    }
    // Consecutive main sleeps never overlap and leave a waking day between them.
    for (let i = 1; i < mains.length; i++) {
      const gapHours =
        (instant(mains[i]?.metadata.start_time) - instant(mains[i - 1]?.metadata.end_time)) / 3.6e6;
      expect(gapHours).toBeGreaterThan(10);
    }
  });

  it('adds durations up exactly: asleep = light + deep + REM, in bed = asleep + awake = end - start', () => {
    for (const s of nights) {
      const d = s.sleep_durations_data;
      const asleep = d?.asleep?.duration_asleep_state_seconds ?? -1;
      expect(asleep).toBe(
        (d?.asleep?.duration_light_sleep_state_seconds ?? 0) +
          (d?.asleep?.duration_deep_sleep_state_seconds ?? 0) +
          (d?.asleep?.duration_REM_sleep_state_seconds ?? 0),
      );
      const inBed = d?.other?.duration_in_bed_seconds ?? -1;
      expect(inBed).toBe(asleep + (d?.awake?.duration_awake_state_seconds ?? 0));
      expect(inBed).toBe((instant(s.metadata.end_time) - instant(s.metadata.start_time)) / 1000);
      expect(d?.sleep_efficiency).toBeCloseTo((100 * asleep) / inBed, 1);
    }
  });

  it('has a hypnogram that covers the window and agrees with the stage durations', () => {
    for (const s of nights) {
      const samples = s.sleep_durations_data?.hypnogram_samples ?? [];
      expect(samples[0]?.timestamp).toBe(s.metadata.start_time);
      for (const sample of samples) expect(sample.timestamp).toMatch(TERRA_TIMESTAMP);
      const byLevel = secondsByLevel(s);
      const d = s.sleep_durations_data;
      expect(byLevel.get(4) ?? 0).toBe(d?.asleep?.duration_light_sleep_state_seconds);
      expect(byLevel.get(5) ?? 0).toBe(d?.asleep?.duration_deep_sleep_state_seconds);
      expect(byLevel.get(6) ?? 0).toBe(d?.asleep?.duration_REM_sleep_state_seconds);
      expect(byLevel.get(1) ?? 0).toBe(d?.awake?.duration_awake_state_seconds);
      expect(samples[0]?.level).toBe(1);
    }
  });

  it('puts deep sleep early and REM late, in cycles with brief awakenings', () => {
    for (const s of mains) {
      const samples = s.sleep_durations_data?.hypnogram_samples ?? [];
      const start = instant(s.metadata.start_time);
      const half = (instant(s.metadata.end_time) + start) / 2;
      let deepEarly = 0;
      let deepLate = 0;
      let remEarly = 0;
      let remLate = 0;
      samples.forEach((sample, i) => {
        const from = instant(sample.timestamp);
        const to = instant(i + 1 < samples.length ? samples[i + 1]?.timestamp : s.metadata.end_time);
        const span = to - from;
        const early = from < half;
        if (sample.level === 5 && early) deepEarly += span;
        if (sample.level === 5 && !early) deepLate += span;
        if (sample.level === 6 && early) remEarly += span;
        if (sample.level === 6 && !early) remLate += span;
      });
      expect(deepEarly).toBeGreaterThan(deepLate);
      expect(remLate).toBeGreaterThan(remEarly);
      expect(s.sleep_durations_data?.asleep?.num_REM_events).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps heart rate lower in deep sleep than in REM, and summarises it from the samples', () => {
    let deep = 0;
    let deepN = 0;
    let rem = 0;
    let remN = 0;
    for (const s of mains) {
      const hypnogram = s.sleep_durations_data?.hypnogram_samples ?? [];
      const hr = s.heart_rate_data?.detailed?.hr_samples ?? [];
      const bpm = hr.map((h) => h.bpm ?? 0);
      expect(s.heart_rate_data?.summary?.min_hr_bpm).toBe(Math.min(...bpm));
      expect(s.heart_rate_data?.summary?.max_hr_bpm).toBe(Math.max(...bpm));
      expect(s.heart_rate_data?.summary?.avg_hr_bpm).toBeCloseTo(
        bpm.reduce((a, b) => a + b, 0) / bpm.length,
        1,
      );
      let h = 0;
      for (const sample of hr) {
        const t = instant(sample.timestamp);
        while (h + 1 < hypnogram.length && instant(hypnogram[h + 1]?.timestamp) <= t) h++;
        const level = hypnogram[h]?.level;
        if (level === 5) {
          deep += sample.bpm ?? 0;
          deepN++;
        }
        if (level === 6) {
          rem += sample.bpm ?? 0;
          remN++;
        }
      }
    }
    expect(deep / deepN).toBeLessThan(rem / remN - 2);
  });

  it('reports HRV, breathing, SpO2 and scores in plausible ranges', () => {
    for (const s of mains) {
      const rmssd = s.heart_rate_data?.detailed?.hrv_samples_rmssd ?? [];
      expect(rmssd.length).toBeGreaterThan(50);
      const breaths = s.respiration_data?.breaths_data;
      expect(breaths?.avg_breaths_per_min).toBeGreaterThan(9);
      expect(breaths?.avg_breaths_per_min).toBeLessThan(20);
      const spo2 = s.respiration_data?.oxygen_saturation_data?.samples ?? [];
      for (const o of spo2) {
        expect(o.percentage).toBeGreaterThanOrEqual(90);
        expect(o.percentage).toBeLessThanOrEqual(100);
      }
      expect(s.scores?.sleep).toBeGreaterThan(0);
      expect(s.scores?.sleep).toBeLessThanOrEqual(100);
      expect(s.readiness_data?.readiness).toBeGreaterThan(0);
      expect(Math.abs(s.temperature_data?.delta ?? 9)).toBeLessThan(1.5);
    }
  });

  it('drops the samples but keeps the same durations when withSamples is false', () => {
    const lean = generateRange('sleep', ctx, '2026-03-01', '2026-03-29', { withSamples: false });
    expect(lean.length).toBe(nights.length);
    lean.forEach((s, i) => {
      expect(s.sleep_durations_data?.hypnogram_samples).toBeNull();
      expect(s.heart_rate_data?.detailed).toBeNull();
      expect(s.respiration_data?.breaths_data?.samples).toBeNull();
      expect(s.sleep_durations_data?.asleep).toEqual(nights[i]?.sleep_durations_data?.asleep);
    });
  });
});
