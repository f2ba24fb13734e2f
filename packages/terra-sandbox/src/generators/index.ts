/**
 * Deterministic, physiologically plausible Terra data for the sandbox. Every value derives from
 * (seed, user id, day, data type), so a day's data is identical across calls, endpoints and restarts.
 */
export { generateActivity } from './activity.js';
export { generateAthlete } from './athlete.js';
export { generateBody } from './body.js';
export { formatDay, parseDay } from './calendar.js';
export type { GenerateOptions, GeneratorContext, TerraUser } from './context.js';
export { generateDaily } from './daily.js';
export { DATA_TYPES, type DataType, isDataType } from './data-types.js';
export { GeneratorInputError } from './errors.js';
export { generateMenstruation } from './menstruation.js';
export { generateNutrition } from './nutrition.js';
export { type Persona, personaOf } from './persona.js';
export {
  DEFAULT_PROVIDER_PROFILE,
  PROVIDER_PROFILES,
  type ProviderProfile,
  providerProfile,
  providerSupports,
} from './providers.js';
export { createRandom, type Random } from './random.js';
export { type DataTypeRecords, type DayGenerator, GENERATORS, generateRange } from './range.js';
export { generateSleep } from './sleep.js';
