import { type GeneratorContext, type Persona, personaOf } from '../../src/generators/index.js';

/** Seed used by the generator tests. */
export const SEED = 20260301;

/** A context for a user id and provider. */
export function contextFor(userId: string, provider: string, seed = SEED): GeneratorContext {
  return { seed, user: { user_id: userId, provider, reference_id: null, active: true } };
}

/** The first `sandbox-<provider>-<n>` user whose persona satisfies `accept`. */
export function findUser(
  provider: string,
  accept: (persona: Persona) => boolean,
  seed = SEED,
): GeneratorContext {
  for (let n = 0; n < 500; n++) {
    const ctx = contextFor(`sandbox-${provider.toLowerCase()}-${n}`, provider, seed);
    if (accept(personaOf(ctx))) return ctx;
  }
  throw new Error(`no ${provider} persona in 500 tries satisfies the predicate`);
}

/** `count` consecutive days from `first` (`YYYY-MM-DD`). */
export function daysFrom(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** Epoch milliseconds of a Terra timestamp. */
export function instant(timestamp: string | null | undefined): number {
  if (!timestamp) throw new Error('missing timestamp');
  return Date.parse(timestamp);
}

/** Terra's timestamp shape: local time with microseconds and an explicit offset (never `Z`). */
export const TERRA_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{2}:\d{2}$/;
