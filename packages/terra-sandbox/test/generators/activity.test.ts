import type { Activity } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { WORKOUT_SAMPLE_SECONDS } from '../../src/generators/activity/workout-trace.js';
import { generateRange, personaOf } from '../../src/generators/index.js';
import { contextFor, instant, TERRA_TIMESTAMP } from './users.js';

const ctx = contextFor('activity-runner', 'GARMIN');
const persona = personaOf(ctx);
const month = generateRange('activity', ctx, '2026-03-01', '2026-04-01', { withSamples: true });
const durationOf = (a: Activity) => (instant(a.metadata.end_time) - instant(a.metadata.start_time)) / 1000;

describe('generateActivity', () => {
  it('records 0-2 workouts a day with stable, unique summary ids and Terra timestamps', () => {
    expect(month.length).toBeGreaterThan(8);
    const ids = new Set(month.map((a) => a.metadata.summary_id));
    expect(ids.size).toBe(month.length);
    for (const a of month) {
      expect(a.metadata.start_time).toMatch(TERRA_TIMESTAMP);
      expect(a.metadata.end_time).toMatch(TERRA_TIMESTAMP);
      expect(durationOf(a)).toBeGreaterThanOrEqual(15 * 60);
      expect(a.metadata.upload_type).toBe(1);
    }
  });

  it('keeps every heart-rate sample within the persona resting and maximum heart rate', () => {
    const bpm = month.flatMap((a) => (a.heart_rate_data?.detailed?.hr_samples ?? []).map((s) => s.bpm ?? 0));
    expect(bpm.length).toBeGreaterThan(1000);
    expect(Math.min(...bpm)).toBeGreaterThanOrEqual(persona.restingHr);
    expect(Math.max(...bpm)).toBeLessThanOrEqual(persona.maxHr);
  });

  it('summarises heart rate from its own samples (avg, max, min) and fills zones that sum to the duration', () => {
    for (const a of month) {
      const bpm = (a.heart_rate_data?.detailed?.hr_samples ?? []).map((s) => s.bpm ?? 0);
      const summary = a.heart_rate_data?.summary;
      expect(bpm.length).toBe(durationOf(a) / WORKOUT_SAMPLE_SECONDS);
      expect(summary?.max_hr_bpm).toBe(Math.max(...bpm));
      expect(summary?.min_hr_bpm).toBe(Math.min(...bpm));
      expect(summary?.avg_hr_bpm).toBeCloseTo(bpm.reduce((x, y) => x + y, 0) / bpm.length, 1);
      const zones = summary?.hr_zone_data ?? [];
      expect(zones.map((z) => z.zone)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(zones.reduce((t, z) => t + (z.duration_seconds ?? 0), 0)).toBe(durationOf(a));
    }
  });

  it('rises through a warm-up and falls in the cool-down', () => {
    for (const a of month) {
      const bpm = (a.heart_rate_data?.detailed?.hr_samples ?? []).map((s) => s.bpm ?? 0);
      const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
      const firstMinutes = mean(bpm.slice(0, 12));
      const middle = mean(bpm.slice(Math.floor(bpm.length * 0.3), Math.floor(bpm.length * 0.7)));
      expect(middle).toBeGreaterThan(firstMinutes);
      expect(bpm[bpm.length - 1]).toBeLessThan(Math.max(...bpm));
    }
  });

  it('makes distance, steps and calories consistent with their samples and with speed over time', () => {
    const moving = month.filter((a) => a.distance_data?.summary?.distance_meters);
    expect(moving.length).toBeGreaterThan(0);
    for (const a of month) {
      const summary = a.distance_data?.summary;
      const detailed = a.distance_data?.detailed;
      const lastDistance = detailed?.distance_samples?.at(-1);
      if (summary?.distance_meters) {
        expect(lastDistance?.distance_meters).toBe(summary.distance_meters);
        expect(instant(lastDistance?.timestamp)).toBe(instant(a.metadata.end_time));
        const avgSpeed = a.movement_data?.avg_speed_meters_per_second ?? 0;
        expect(avgSpeed * durationOf(a)).toBeCloseTo(summary.distance_meters, -2);
        const speeds = (a.movement_data?.speed_samples ?? []).map((s) => s.speed_meters_per_second ?? 0);
        const integrated = speeds.reduce((t, v) => t + v * WORKOUT_SAMPLE_SECONDS, 0);
        expect(Math.abs(integrated - summary.distance_meters)).toBeLessThan(
          summary.distance_meters * 0.01 + 5,
        );
      }
      if (summary?.steps != null) expect(detailed?.step_samples?.at(-1)?.steps).toBe(summary.steps);
      const calories = (a.calories_data?.calorie_samples ?? []).reduce((t, s) => t + (s.calories ?? 0), 0);
      expect(a.calories_data?.total_burned_calories).toBeCloseTo(calories, 1);
    }
  });

  it('lays laps end to end over the whole workout with distances adding up to the total', () => {
    for (const a of month) {
      const laps = a.lap_data?.laps ?? [];
      expect(laps.length).toBeGreaterThan(0);
      expect(laps[0]?.start_time).toBe(a.metadata.start_time);
      expect(laps.at(-1)?.end_time).toBe(a.metadata.end_time);
      for (let i = 1; i < laps.length; i++) expect(laps[i]?.start_time).toBe(laps[i - 1]?.end_time);
      const seconds = laps.reduce((t, l) => t + (l.active_duration_seconds ?? 0), 0);
      expect(seconds).toBe(durationOf(a));
      const total = a.distance_data?.summary?.distance_meters;
      if (total) expect(laps.reduce((t, l) => t + (l.distance_meters ?? 0), 0)).toBeCloseTo(total, 0);
    }
  });

  it('draws outdoor workouts as a GPS loop that starts near home and comes back', () => {
    const outdoor = month.filter((a) => a.position_data?.position_samples?.length);
    expect(outdoor.length).toBeGreaterThan(0);
    for (const a of outdoor) {
      const [lat0, lng0] = a.position_data?.start_pos_lat_lng_deg ?? [];
      const [lat1, lng1] = a.position_data?.end_pos_lat_lng_deg ?? [];
      expect(Math.abs((lat0 ?? 0) - persona.homeLat)).toBeLessThan(0.01);
      expect(Math.abs((lng0 ?? 0) - persona.homeLng)).toBeLessThan(0.01);
      const gapMeters = Math.hypot(
        ((lat1 ?? 0) - (lat0 ?? 0)) * 111_320,
        ((lng1 ?? 0) - (lng0 ?? 0)) * 85_000,
      );
      expect(gapMeters).toBeLessThan((a.distance_data?.summary?.distance_meters ?? 0) * 0.25);
      expect(a.polyline_map_data?.summary_polyline?.length).toBeGreaterThan(10);
      expect(a.metadata.city).toBe(persona.home.city);
    }
  });

  it('gives rides power samples, and average power computed from them', () => {
    const rider = contextFor('activity-cyclist', 'WAHOO');
    const rides = generateRange('activity', rider, '2026-03-01', '2026-03-29', { withSamples: true });
    expect(rides.length).toBeGreaterThan(0);
    for (const ride of rides) {
      const watts = (ride.power_data?.power_samples ?? []).map((s) => s.watts ?? 0);
      expect(watts.length).toBeGreaterThan(0);
      expect(ride.power_data?.avg_watts).toBe(Math.round(watts.reduce((t, w) => t + w, 0) / watts.length));
      expect(ride.power_data?.max_watts).toBe(Math.max(...watts));
      expect(ride.distance_data?.summary?.steps).toBeNull();
    }
  });

  it('drops every sample array but keeps identical summaries when withSamples is false', () => {
    const lean = generateRange('activity', ctx, '2026-03-01', '2026-04-01', { withSamples: false });
    expect(lean.length).toBe(month.length);
    for (const [i, a] of lean.entries()) {
      const full = month[i] as Activity;
      expect(a.heart_rate_data?.detailed).toBeNull();
      expect(a.distance_data?.detailed).toBeNull();
      expect(a.calories_data?.calorie_samples).toBeNull();
      expect(a.movement_data?.speed_samples).toBeNull();
      expect(a.MET_data?.MET_samples).toBeNull();
      if (a.position_data) expect(a.position_data.position_samples).toBeNull();
      if (a.power_data) expect(a.power_data.power_samples).toBeNull();
      expect(a.metadata).toEqual(full.metadata);
      expect(a.heart_rate_data?.summary).toEqual(full.heart_rate_data?.summary);
      expect(a.distance_data?.summary).toEqual(full.distance_data?.summary);
      expect(a.calories_data?.total_burned_calories).toBe(full.calories_data?.total_burned_calories);
    }
  });

  it('returns no workouts for providers that record none', () => {
    expect(generateRange('activity', contextFor('sleeper', 'EIGHT'), '2026-03-01', '2026-03-15')).toEqual([]);
  });
});

describe('generateActivity for wearables without GPS', () => {
  it('records outdoor walks and runs with distance but no GPS track', () => {
    const ring = contextFor('activity-ring', 'OURA');
    const outdoor = generateRange('activity', ring, '2026-01-01', '2026-04-01', { withSamples: true }).filter(
      (a) => a.metadata.city,
    );
    expect(outdoor.length).toBeGreaterThan(0);
    for (const a of outdoor) {
      expect(a.distance_data?.summary?.distance_meters).toBeGreaterThan(0);
      expect(a.position_data).toBeNull();
      expect(a.polyline_map_data).toBeNull();
    }
  });
});
