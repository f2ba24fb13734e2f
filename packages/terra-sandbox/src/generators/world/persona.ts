import { type ProviderProfile, providerProfile } from '../../providers/index.js';
import type { SportKey } from '../activity/sports.js';
import type { GeneratorContext } from './context.js';
import { GeneratorInputError } from './errors.js';
import { FIRST_NAMES, LAST_NAMES } from './names.js';
import { clamp, round1 } from './numbers.js';
import { PLACES, type Place } from './places.js';
import { createRandom } from './random.js';
import { type TimeZone, timeZone } from './time-zone.js';

/** When a persona tends to sleep. */
export type Chronotype = 'lark' | 'intermediate' | 'owl';

/** A persona's menstrual cycle, when it has one. */
export interface CyclePattern {
  /** Mean cycle length in days (26-32). */
  readonly meanLengthDays: number;
  /** Period length in days (4-6). */
  readonly periodDays: number;
  /** Day number (days since 1970-01-01) on which a period started; other cycles are laid out around it. */
  readonly anchorDay: number;
}

/**
 * The stable person behind a user id: body, fitness, habits and home. Every generator reads it, so
 * a user's days agree with one another (the same resting heart rate, bedtime, city and sports).
 */
export interface Persona {
  readonly userId: string;
  readonly provider: string;
  readonly profile: ProviderProfile;
  readonly sex: 'female' | 'male';
  readonly firstName: string;
  readonly lastName: string;
  /** Date of birth, `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** Age on 2026-06-01, the sandbox's reference date. */
  readonly age: number;
  readonly heightCm: number;
  /** Baseline weight; body data drifts slowly around it. */
  readonly weightKg: number;
  readonly bodyFatPercentage: number;
  /** 0 (sedentary) to 1 (well trained). */
  readonly fitness: number;
  readonly restingHr: number;
  readonly maxHr: number;
  readonly vo2max: number;
  /** Functional threshold power for cycling, in watts. */
  readonly ftpWatts: number;
  /** Typical steps on a day without workouts. */
  readonly baseSteps: number;
  readonly chronotype: Chronotype;
  /** Usual bedtime in minutes after the evening's local midnight (may exceed 1440: after midnight). */
  readonly bedtimeMinutes: number;
  /** Usual time asleep in minutes. */
  readonly sleepNeedMinutes: number;
  /** Typical overnight heart-rate variability (RMSSD, ms). */
  readonly hrvBaseline: number;
  /** Typical breathing rate asleep (breaths per minute). */
  readonly breathingRate: number;
  /** Whether the persona snores now and then. */
  readonly snores: boolean;
  /** Sports and their weights; empty when the provider records no workouts. */
  readonly sports: readonly (readonly [SportKey, number])[];
  readonly workoutsPerWeek: number;
  readonly home: Place;
  /** Home coordinates (the city centre nudged so users in one city do not share a doorstep). */
  readonly homeLat: number;
  readonly homeLng: number;
  /** The home's time zone: timestamps carry the offset in force when they happen. */
  readonly timeZone: TimeZone;
  readonly deviceName: string;
  readonly cycle: CyclePattern | null;
  readonly hasGlucoseMonitor: boolean;
  readonly hasScale: boolean;
  readonly measuresBloodPressure: boolean;
  /** Daily calorie intake target for nutrition logs. */
  readonly intakeCalories: number;
  readonly providerUserId: string;
}

const REFERENCE_DAY = Date.UTC(2026, 5, 1) / 86_400_000;
const cache = new Map<string, Persona>();
const CACHE_LIMIT = 2048;

/**
 * The persona of the context's user. Pure: the same seed, user id and provider always give the
 * same persona (it is cached because every generated day reads it).
 */
export function personaOf(ctx: GeneratorContext): Persona {
  if (!ctx || typeof ctx !== 'object') {
    throw new GeneratorInputError(
      'ctx must be an object { seed, user } (the sandbox seed and the Terra user).',
    );
  }
  const { seed, user } = ctx;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new GeneratorInputError(`ctx.seed must be a finite number, got ${String(seed)}.`);
  }
  if (!user || typeof user.user_id !== 'string' || user.user_id.length === 0) {
    throw new GeneratorInputError('ctx.user.user_id must be a non-empty string (the Terra user id).');
  }
  if (typeof user.provider !== 'string' || user.provider.length === 0) {
    throw new GeneratorInputError('ctx.user.provider must be a non-empty provider slug such as "GARMIN".');
  }
  const key = `${seed}\u0000${user.user_id}\u0000${user.provider}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const persona = buildPersona(seed, user.user_id, user.provider.toUpperCase());
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, persona);
  return persona;
}

function buildPersona(seed: number, userId: string, provider: string): Persona {
  const rng = createRandom(seed, userId, 'persona');
  const profile = providerProfile(provider);
  const sex = rng.chance(0.5) ? 'female' : 'male';
  const age = rng.int(21, 63);
  const birthDay = REFERENCE_DAY - age * 365 - rng.int(0, 364);
  const [minPerWeek, maxPerWeek] = profile.workoutsPerWeek;
  const workoutsPerWeek = Math.round(rng.between(minPerWeek, maxPerWeek) * 2) / 2;
  // Users of training-focused providers skew fitter; everyone gets some individual spread.
  const fitness = clamp(0.25 + workoutsPerWeek / 10 + rng.normal(0, 0.15), 0, 1);
  const heightCm = round1(sex === 'male' ? rng.normal(177, 7) : rng.normal(164, 6.5));
  const bmi = clamp(rng.normal(26 - 4 * fitness, 2.2), 18.5, 34);
  const weightKg = round1((bmi * heightCm * heightCm) / 10_000);
  const bodyFat = sex === 'male' ? 28 - 16 * fitness : 36 - 16 * fitness;
  const restingHr = Math.round(clamp(72 - 20 * fitness + rng.normal(0, 3), 46, 74));
  const maxHr = Math.round(208 - 0.7 * age + rng.normal(0, 4));
  const vo2Base = sex === 'male' ? 36 + 24 * fitness : 31 + 21 * fitness;
  const vo2max = round1(clamp(vo2Base - 0.25 * (age - 30) + rng.normal(0, 2), 22, 72));
  const chronotype = rng.weighted<Chronotype>([
    ['lark', 1],
    ['intermediate', 2],
    ['owl', 1],
  ]);
  const bedtimeMinutes = {
    lark: rng.int(1305, 1350),
    intermediate: rng.int(1365, 1410),
    owl: rng.int(1425, 1485),
  }[chronotype];
  const home = rng.pick(PLACES);
  const hasCycle = sex === 'female' && age < 52 && rng.chance(0.85);
  const bmr = mifflinStJeor(sex, weightKg, heightCm, age);
  const firstNames = FIRST_NAMES[sex];
  return {
    userId,
    provider,
    profile,
    sex,
    firstName: rng.pick(firstNames),
    lastName: rng.pick(LAST_NAMES),
    birthDate: new Date(birthDay * 86_400_000).toISOString().slice(0, 10),
    age,
    heightCm,
    weightKg,
    bodyFatPercentage: round1(clamp(bodyFat + rng.normal(0, 2.5), 6, 45)),
    fitness,
    restingHr,
    maxHr,
    vo2max,
    ftpWatts: Math.round(weightKg * (1.7 + 2.3 * fitness) * rng.between(0.9, 1.1)),
    baseSteps: Math.round(clamp(rng.normal(4500 + 5000 * fitness, 1500), 2500, 14_000)),
    chronotype,
    bedtimeMinutes,
    sleepNeedMinutes: rng.int(400, 500),
    hrvBaseline: round1(clamp(22 + 55 * fitness + 0.7 * (40 - age) + rng.normal(0, 8), 14, 120)),
    breathingRate: round1(rng.between(11.5, 16)),
    snores: rng.chance(0.3),
    sports: profile.sports.map(([sport, weight]) => [sport, weight * rng.between(0.3, 1.7)] as const),
    workoutsPerWeek,
    home,
    homeLat: home.lat + rng.between(-0.03, 0.03),
    homeLng: home.lng + rng.between(-0.04, 0.04),
    timeZone: timeZone(home.timeZone),
    deviceName: rng.pick(profile.devices),
    cycle: hasCycle
      ? {
          meanLengthDays: rng.int(26, 32),
          periodDays: rng.int(4, 6),
          anchorDay: Date.UTC(2026, 0, 1) / 86_400_000 + rng.int(0, 27),
        }
      : null,
    hasGlucoseMonitor: profile.glucose || rng.chance(0.08),
    hasScale: profile.scale && rng.chance(0.75),
    measuresBloodPressure: rng.chance(0.3),
    intakeCalories: Math.round((bmr * (1.45 + 0.35 * fitness)) / 10) * 10,
    providerUserId: rng.hex(12),
  };
}

/** Basal metabolic rate in kcal/day (Mifflin-St Jeor). */
export function mifflinStJeor(
  sex: 'female' | 'male',
  weightKg: number,
  heightCm: number,
  age: number,
): number {
  return 10 * weightKg + 6.25 * heightCm - 5 * age + (sex === 'male' ? 5 : -161);
}
