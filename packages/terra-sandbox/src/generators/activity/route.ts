import type { Random } from '../world/random.js';

const METERS_PER_DEGREE = 111_320;

/** A GPS track: latitude and longitude per sample, in degrees. */
export interface Route {
  readonly lat: Float64Array;
  readonly lng: Float64Array;
}

/**
 * Lays a loop out of the workout's cumulative distance: it starts a few hundred metres from home,
 * turns through a full circle over the distance (with some meander) and so ends near where it began,
 * the way most runs and rides do.
 */
export function traceRoute(homeLat: number, homeLng: number, distance: Float64Array, rng: Random): Route {
  const count = distance.length;
  const lat = new Float64Array(count);
  const lng = new Float64Array(count);
  const total = Math.max(1, distance[count - 1] ?? 1);
  const heading0 = rng.between(0, 2 * Math.PI);
  const wiggle = rng.between(0, 2 * Math.PI);
  const direction = rng.chance(0.5) ? 1 : -1;
  let y = homeLat + rng.between(-0.003, 0.003);
  let x = homeLng + rng.between(-0.004, 0.004);
  const metersPerLngDegree = METERS_PER_DEGREE * Math.cos((homeLat * Math.PI) / 180);
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const d = distance[i] ?? previous;
    const step = d - previous;
    previous = d;
    const heading = heading0 + direction * ((2 * Math.PI * d) / total) + 0.35 * Math.sin(d / 420 + wiggle);
    y += (step * Math.cos(heading)) / METERS_PER_DEGREE;
    x += (step * Math.sin(heading)) / metersPerLngDegree;
    lat[i] = Math.round(y * 1e6) / 1e6;
    lng[i] = Math.round(x * 1e6) / 1e6;
  }
  return { lat, lng };
}
