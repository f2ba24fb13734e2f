import { clamp } from '../world/numbers.js';
import type { Persona } from '../world/persona.js';
import type { Random } from '../world/random.js';
import type { Sport } from './sports.js';

/** The moving state of a workout, updated once per sample. */
export interface Motion {
  /** Metres per second. */
  speed: number;
  /** Steps, revolutions or strokes per minute. */
  cadence: number;
  /** Watts at the pedals or the rower handle (0 for other sports). */
  watts: number;
}

/** A fresh motion state for a session. */
export function startMotion(): Motion {
  return { speed: 0, cadence: 0, watts: 0 };
}

const GRAVITY = 9.81;
const BIKE_KG = 9;
const ROLLING_RESISTANCE = 0.004;
// ½·ρ·CdA for a rider on the hoods: 0.5 · 1.2 kg/m³ · 0.5 m².
const AIR_DRAG = 0.3;

/**
 * Advances the motion by one sample at effort `e` (fraction of heart-rate reserve) on gradient
 * `grade`. Runners slow uphill; riders hold power and the bike's speed follows from drag, rolling
 * resistance and gravity (so they fly downhill, coasting now and then); swimmers and rowers go by effort.
 */
export function advanceMotion(
  motion: Motion,
  persona: Persona,
  sport: Sport,
  e: number,
  grade: number,
  rng: Random,
): void {
  switch (sport.locomotion) {
    case 'foot': {
      const walking = sport.key === 'walk' || sport.key === 'hike';
      // ACSM running equation (VO2 = 0.2·v + 3.5) read backwards, nudged up because effort here lags oxygen uptake.
      const flat = walking ? 0.95 + 1.1 * e : Math.max(1.9, ((e * (persona.vo2max - 3.5)) / 0.2 / 60) * 1.15);
      motion.speed = flat * clamp(1 - 3.5 * grade, 0.55, 1.25) * (1 + rng.normal(0, 0.03));
      motion.cadence = walking ? 98 + 28 * e + rng.normal(0, 2) : 148 + 36 * e + rng.normal(0, 2.5);
      return;
    }
    case 'bike': {
      const coasting = rng.chance(grade < -0.02 ? 0.5 : 0.04);
      motion.watts = coasting
        ? 0
        : Math.max(0, persona.ftpWatts * (1.1 * e - 0.05) * (1 + rng.normal(0, 0.06)));
      const target = bikeSpeed(motion.watts, persona.weightKg + BIKE_KG, grade, motion.speed);
      // The bike's inertia: speed moves towards the power's steady state rather than jumping to it.
      motion.speed = motion.speed === 0 ? target : motion.speed + (target - motion.speed) * 0.6;
      motion.cadence = coasting ? 0 : 78 + 16 * e + rng.normal(0, 2);
      return;
    }
    case 'swim':
      motion.speed = 0.55 + 0.85 * e + rng.normal(0, 0.03);
      motion.cadence = 22 + 14 * e + rng.normal(0, 1);
      return;
    case 'row':
      motion.watts = persona.ftpWatts * 1.05 * e * (1 + rng.normal(0, 0.05));
      // Concept2's ergometer pace: watts = 2.8 · v³.
      motion.speed = Math.cbrt(motion.watts / 2.8);
      motion.cadence = 18 + 14 * e + rng.normal(0, 1);
      return;
    default:
      // Gym work: shuffling between stations, a few steps a minute.
      motion.speed = 0;
      motion.cadence = 4 + 14 * e * rng.next();
  }
}

/** Steady speed where drag, rolling resistance and gravity absorb `watts` (Newton's method). */
function bikeSpeed(watts: number, massKg: number, grade: number, previous: number): number {
  const resist = massKg * GRAVITY * (grade + ROLLING_RESISTANCE);
  let v = Math.max(previous, 8, Math.sqrt(Math.max(0, -resist) / AIR_DRAG) + 1);
  for (let k = 0; k < 8; k++) {
    const f = AIR_DRAG * v * v * v + resist * v - watts;
    const slope = 3 * AIR_DRAG * v * v + resist;
    if (slope <= 0) break;
    v -= f / slope;
  }
  // Coasting on the flat still rolls; the fastest descents are capped at a sane 20 m/s.
  return clamp(v, 2, 20);
}
