import { type DataType, type DataTypeRecords, isDataType } from 'terra-ts';
import { generateActivity } from './activity/activity.js';
import { generateBody } from './body/body.js';
import { generateDaily } from './daily/daily.js';
import { generateMenstruation } from './menstruation/menstruation.js';
import { generateNutrition } from './nutrition/nutrition.js';
import { generateSleep } from './sleep/sleep.js';
import { formatDay, parseDay } from './world/calendar.js';
import type { GenerateOptions, GeneratorContext } from './world/context.js';
import { GeneratorInputError } from './world/errors.js';

/** A per-day generator of one data type. */
export type DayGenerator<T> = (ctx: GeneratorContext, day: string, opts?: Partial<GenerateOptions>) => T[];

/** The per-day generator of every data type. */
export const GENERATORS: { readonly [K in DataType]: DayGenerator<DataTypeRecords[K]> } = {
  activity: generateActivity,
  sleep: generateSleep,
  daily: generateDaily,
  body: generateBody,
  nutrition: generateNutrition,
  menstruation: generateMenstruation,
};

/**
 * Records of one type for every local day in `[startDay, endDayExclusive)`, in day order. Each day
 * is generated independently, so a day's records are the same whatever range it is asked in.
 *
 * @example
 * generateRange('sleep', { seed: 1, user }, '2026-03-01', '2026-03-08', { withSamples: false }); // a week of nights
 */
export function generateRange<K extends DataType>(
  type: K,
  ctx: GeneratorContext,
  startDay: string,
  endDayExclusive: string,
  opts?: Partial<GenerateOptions>,
): DataTypeRecords[K][] {
  if (!isDataType(type)) {
    throw new GeneratorInputError(
      `type must be one of ${Object.keys(GENERATORS).join(', ')} (athlete has its own generateAthlete), got ${JSON.stringify(type)}.`,
    );
  }
  const start = parseDay(startDay, 'startDay');
  const end = parseDay(endDayExclusive, 'endDayExclusive');
  if (end < start) {
    throw new GeneratorInputError(
      `endDayExclusive (${endDayExclusive}) is before startDay (${startDay}); pass the later day second.`,
    );
  }
  const generate = GENERATORS[type] as DayGenerator<DataTypeRecords[K]>;
  const out: DataTypeRecords[K][] = [];
  for (let day = start; day < end; day++) {
    for (const record of generate(ctx, formatDay(day), opts)) out.push(record);
  }
  return out;
}
