/** Zone bounds as a percentage of the user's maximum heart rate: zone 0 (rest) up to zone 5 (maximum). */
export const HEART_RATE_ZONES = [
  { zone: 0, name: 'Rest', start: 0, end: 50 },
  { zone: 1, name: 'Warm Up', start: 50, end: 60 },
  { zone: 2, name: 'Easy', start: 60, end: 70 },
  { zone: 3, name: 'Aerobic', start: 70, end: 80 },
  { zone: 4, name: 'Threshold', start: 80, end: 90 },
  { zone: 5, name: 'Maximum', start: 90, end: 100 },
] as const;

/** The zone (0-5) of a heart rate for a given maximum. */
export function zoneOf(bpm: number, maxHr: number): number {
  const percent = (bpm / maxHr) * 100;
  for (let z = HEART_RATE_ZONES.length - 1; z > 0; z--) {
    if (percent >= (HEART_RATE_ZONES[z]?.start ?? 0)) return z;
  }
  return 0;
}

/** Seconds spent in each zone, given heart-rate samples that each stand for `sampleSeconds`. */
export function secondsPerZone(heartRate: Float64Array, maxHr: number, sampleSeconds: number): number[] {
  const seconds = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < heartRate.length; i++) {
    const z = zoneOf(heartRate[i] ?? 0, maxHr);
    seconds[z] = (seconds[z] ?? 0) + sampleSeconds;
  }
  return seconds;
}
