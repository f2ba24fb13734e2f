/**
 * Deterministic, physiologically plausible Terra data for the sandbox. Every value derives from
 * (seed, user id, day, data type), so a day's data is identical across calls, endpoints and restarts.
 */

export { DATA_TYPES, type DataType, type DataTypeRecords, isDataType } from 'terra-ts';
export {
  DEFAULT_PROVIDER_PROFILE,
  type ProviderProfile,
  providerProfile,
  providerSupports,
} from '../providers/index.js';
export { generateActivity } from './activity/activity.js';
export { generateAthlete } from './athlete.js';
export { generateBody } from './body/body.js';
export { generateDaily } from './daily/daily.js';
export { generateMenstruation } from './menstruation/menstruation.js';
export { generateNutrition } from './nutrition/nutrition.js';
export { type DayGenerator, GENERATORS, generateRange } from './range.js';
export { generateSleep } from './sleep/sleep.js';
export { formatDay, parseDay } from './world/calendar.js';
export type { GenerateOptions, GeneratorContext, TerraUser } from './world/context.js';
export { GeneratorInputError } from './world/errors.js';
export { type Persona, personaOf } from './world/persona.js';
export { createRandom, type Random } from './world/random.js';
