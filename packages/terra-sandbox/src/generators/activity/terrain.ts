import type { Random } from '../world/random.js';
import type { Sport } from './sports.js';

/** Ground elevation along a route, as a function of distance travelled. */
export interface Terrain {
  /** Elevation in metres after `meters` along the route. */
  elevationAt(meters: number): number;
  /** Gradient (rise over run) at `meters` along the route. */
  gradeAt(meters: number): number;
}

/**
 * Rolling terrain around the home elevation: three overlaid swells whose lengths suit the sport
 * (a cyclist covers the same hills in a third of the time, so they are spaced wider), with the
 * sport's relief as amplitude. Indoor sports get flat ground.
 */
export function createTerrain(baseMeters: number, sport: Sport, rng: Random): Terrain {
  const relief = sport.outdoor ? sport.reliefMeters : 0;
  if (relief === 0) return { elevationAt: () => baseMeters, gradeAt: () => 0 };
  const scale = sport.locomotion === 'bike' ? 3 : 1;
  const w1 = 1 / (1500 * scale);
  const w2 = 1 / (520 * scale);
  const w3 = 1 / (190 * scale);
  const p1 = rng.between(0, 2 * Math.PI);
  const p2 = rng.between(0, 2 * Math.PI);
  const p3 = rng.between(0, 2 * Math.PI);
  const elevationAt = (d: number): number =>
    baseMeters +
    relief * (1 + 0.65 * Math.sin(d * w1 + p1) + 0.27 * Math.sin(d * w2 + p2) + 0.08 * Math.sin(d * w3 + p3));
  const gradeAt = (d: number): number =>
    relief *
    (0.65 * w1 * Math.cos(d * w1 + p1) +
      0.27 * w2 * Math.cos(d * w2 + p2) +
      0.08 * w3 * Math.cos(d * w3 + p3));
  return { elevationAt, gradeAt };
}
