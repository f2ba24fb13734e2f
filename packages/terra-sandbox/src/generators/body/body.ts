import type { BloodPressureSample, Body, MeasurementDataSample, TemperatureSample } from 'terra-ts';
import { cycleTemperatureShift } from '../menstruation/menstrual-cycle.js';
import { planMeals } from '../nutrition/meal-plan.js';
import { planNight } from '../sleep/night-plan.js';
import { recordedMinutes } from '../world/as-of.js';
import { formatDay } from '../world/calendar.js';
import type { GenerateOptions, GeneratorContext } from '../world/context.js';
import { openDay } from '../world/day-request.js';
import { deviceDataOf } from '../world/device.js';
import { localDayMinutes, localMidnight } from '../world/local-time.js';
import { round1 } from '../world/numbers.js';
import { mifflinStJeor, type Persona } from '../world/persona.js';
import { createRandom, type Random } from '../world/random.js';
import { average } from '../world/series.js';
import { TimestampFormatter } from '../world/timestamps.js';
import { bodyTrendOn } from './body-trend.js';
import { GLUCOSE_MINUTES, type GlucoseDay, glucoseSamples, simulateGlucose } from './glucose.js';

/**
 * Body data of a local day (`YYYY-MM-DD`): a morning weigh-in on most days for users with a smart
 * scale (weight and body fat drift slowly, BMI follows), blood pressure for those who measure it,
 * body temperature from wearables (higher after ovulation), CGM glucose for users with a sensor
 * (spiking after logged meals), and water intake. Days with nothing measured have no record.
 * With `now`, a day in progress holds what was measured up to its last whole 15-minute window
 * (`end_time` is that cut).
 *
 * @example
 * const [body] = generateBody({ seed: 1, user }, '2026-03-01', { withSamples: true });
 */
export function generateBody(ctx: GeneratorContext, day: string, opts?: Partial<GenerateOptions>): Body[] {
  const request = openDay(ctx, day, opts, 'body');
  if (!request) return [];
  const { dayNumber, withSamples, now, persona } = request;
  const rng = createRandom(ctx.seed, persona.userId, formatDay(dayNumber), 'body');
  const fmt = new TimestampFormatter(persona.timeZone);
  const start = localMidnight(persona, dayNumber);
  const dayMinutes = localDayMinutes(persona, dayNumber);
  const minutes = recordedMinutes(start, dayMinutes, now);
  if (minutes === 0) return [];
  // Everything is drawn for the whole day, then cut: a later reading only adds to an earlier one.
  const cut = start + minutes * 60;
  const measured = (timestamp: string | null | undefined) =>
    minutes === dayMinutes || Date.parse(timestamp ?? '') <= cut * 1000;
  const wake = planNight(ctx, persona, dayNumber - 1).endSeconds;
  const weighed =
    persona.hasScale && rng.chance(0.65) ? weighIn(ctx, persona, dayNumber, wake, rng, fmt) : null;
  const measurement = weighed && measured(weighed.measurement_time) ? weighed : null;
  const pressure = nonEmpty(
    persona.measuresBloodPressure && rng.chance(0.55)
      ? bloodPressure(persona, wake, rng, fmt).filter((p) => measured(p.timestamp))
      : null,
  );
  const wearable = persona.profile.dataTypes.includes('sleep');
  const temperature = nonEmpty(
    wearable
      ? bodyTemperature(ctx, persona, dayNumber, wake, rng, fmt).filter((t) => measured(t.timestamp))
      : null,
  );
  const glucose = persona.hasGlucoseMonitor
    ? glucoseReadBy(simulateGlucose(ctx, persona, dayNumber), cut)
    : null;
  const logsFood = persona.profile.dataTypes.includes('nutrition');
  if (!measurement && !pressure && !temperature && !glucose && !logsFood) return [];
  const glucoseAvg = glucose ? round1(average(glucose.values)) : null;
  let inRange = 0;
  for (const value of glucose?.values ?? []) if (value >= 70 && value <= 180) inRange++;
  return [
    {
      metadata: {
        start_time: fmt.format(start),
        end_time: fmt.format(cut),
        timestamp_localization: 1,
      },
      device_data: deviceDataOf(persona),
      measurements_data: measurement
        ? {
            measurements: withSamples ? [measurement] : null,
            day_avg_weight_kg: measurement.weight_kg,
            day_avg_bmi: measurement.BMI,
            day_avg_bodyfat_percentage: measurement.bodyfat_percentage,
            day_avg_height_cm: measurement.height_cm,
            day_avg_bmr: measurement.BMR,
            day_avg_water_percentage: measurement.water_percentage,
            day_avg_muscle_mass_g: measurement.muscle_mass_g,
            day_avg_bone_mass_g: measurement.bone_mass_g,
            day_avg_lean_mass_g: measurement.lean_mass_g,
          }
        : null,
      blood_pressure_data: pressure
        ? {
            blood_pressure_samples: withSamples ? pressure : null,
            day_avg_systolic_bp: round1(average(pressure.map((p) => p.systolic_bp ?? 0))),
            day_avg_diastolic_bp: round1(average(pressure.map((p) => p.diastolic_bp ?? 0))),
          }
        : null,
      temperature_data: temperature
        ? {
            body_temperature_samples: withSamples ? temperature : null,
            day_avg_body_temperature_celsius: round1(
              average(temperature.map((t) => t.temperature_celsius ?? 0)),
            ),
            skin_temperature_samples: null,
            ambient_temperature_samples: null,
          }
        : null,
      glucose_data: glucose
        ? {
            blood_glucose_samples: withSamples ? glucoseSamples(glucose, fmt) : null,
            detailed_blood_glucose_samples: null,
            day_avg_blood_glucose_mg_per_dL: glucoseAvg,
            gmi: glucoseAvg === null ? null : round1(3.31 + 0.02392 * glucoseAvg),
            time_in_range: Math.round((inRange / glucose.values.length) * 1000) / 10,
            daily_patterns: null,
          }
        : null,
      hydration_data: logsFood
        ? {
            day_total_water_consumption_ml: planMeals(ctx, persona, dayNumber)
              .drinks.filter((d) => d.isWater && (minutes === dayMinutes || d.epochSeconds <= cut))
              .reduce((sum, d) => sum + d.milliliters, 0),
            hydration_amount_samples: null,
          }
        : null,
    },
  ];
}

function weighIn(
  ctx: GeneratorContext,
  persona: Persona,
  day: number,
  wake: number,
  rng: Random,
  fmt: TimestampFormatter,
): MeasurementDataSample {
  const trend = bodyTrendOn(ctx, persona, day);
  const weight = round1(trend.weightKg + rng.normal(0, 0.3));
  const fat = round1(trend.bodyFatPercentage + rng.normal(0, 0.4));
  const heightM = persona.heightCm / 100;
  const lean = weight * (1 - fat / 100);
  return {
    measurement_time: fmt.format(wake + rng.int(5, 25) * 60),
    weight_kg: weight,
    height_cm: persona.heightCm,
    BMI: round1(weight / (heightM * heightM)),
    bodyfat_percentage: fat,
    BMR: Math.round(mifflinStJeor(persona.sex, weight, persona.heightCm, persona.age)),
    water_percentage: round1((lean * 0.73 * 100) / weight),
    lean_mass_g: Math.round(lean * 1000),
    muscle_mass_g: Math.round(lean * 0.88 * 1000),
    bone_mass_g: Math.round(lean * 0.05 * 1000),
  };
}

function bloodPressure(
  persona: Persona,
  wake: number,
  rng: Random,
  fmt: TimestampFormatter,
): BloodPressureSample[] {
  const systolicBase = 108 + 0.35 * persona.age + 8 * (1 - persona.fitness);
  const readings = rng.chance(0.4) ? 2 : 1;
  const out: BloodPressureSample[] = [];
  for (let i = 0; i < readings; i++) {
    const systolic = Math.round(systolicBase + rng.normal(0, 5));
    out.push({
      timestamp: fmt.format(wake + (i === 0 ? rng.int(20, 60) : rng.int(11 * 60, 13 * 60)) * 60),
      systolic_bp: systolic,
      diastolic_bp: Math.round(systolic * 0.63 + rng.normal(0, 3)),
    });
  }
  return out;
}

function bodyTemperature(
  ctx: GeneratorContext,
  persona: Persona,
  day: number,
  wake: number,
  rng: Random,
  fmt: TimestampFormatter,
): TemperatureSample[] {
  const base = 36.5 + cycleTemperatureShift(ctx, persona, day);
  return [
    { timestamp: fmt.format(wake - 30 * 60), temperature_celsius: round1(base - 0.2 + rng.normal(0, 0.1)) },
    { timestamp: fmt.format(wake + 8 * 3600), temperature_celsius: round1(base + 0.3 + rng.normal(0, 0.1)) },
  ];
}

/** The list, or null when it is missing or empty (a section with nothing measured yet is absent). */
function nonEmpty<T>(items: T[] | null): T[] | null {
  return items && items.length > 0 ? items : null;
}

/** The CGM readings taken by `cutSeconds` (every one on a complete day), or null before the first. */
function glucoseReadBy(glucose: GlucoseDay, cutSeconds: number): GlucoseDay | null {
  const taken = Math.min(
    glucose.values.length,
    Math.floor((cutSeconds - glucose.startSeconds) / (GLUCOSE_MINUTES * 60)) + 1,
  );
  if (taken <= 0) return null;
  return taken === glucose.values.length
    ? glucose
    : { ...glucose, values: glucose.values.subarray(0, taken) };
}
