import type { Athlete } from 'terra-ts';
import { formatDay } from './world/calendar.js';
import type { GeneratorContext } from './world/context.js';
import { personaOf } from './world/persona.js';
import { createRandom } from './world/random.js';

/**
 * The user's profile at the provider: name, age, sex, date of birth and home city, all from the
 * same persona that shapes their data (a Denver runner's workouts start in Denver).
 *
 * @example
 * generateAthlete({ seed: 1, user }).city; // 'Denver'
 */
export function generateAthlete(ctx: GeneratorContext): Athlete {
  const persona = personaOf(ctx);
  // The provider account predates the Terra connection; without a connection date, pick a stable one.
  const created =
    ctx.user.created_at?.slice(0, 10) ??
    formatDay(
      Date.UTC(2016, 0, 1) / 86_400_000 + createRandom(ctx.seed, persona.userId, 'account').int(0, 3650),
    );
  return {
    first_name: persona.firstName,
    last_name: persona.lastName,
    age: persona.age,
    sex: persona.sex,
    gender: persona.sex,
    date_of_birth: persona.birthDate,
    city: persona.home.city,
    state: persona.home.state,
    country: persona.home.country,
    email: `${ascii(persona.firstName)}.${ascii(persona.lastName)}@example.com`,
    bio: bioOf(persona.sports.length > 0, persona.home.city),
    account_creation_date: created,
    provider_user_id: persona.providerUserId,
  };
}

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function bioOf(trains: boolean, city: string): string {
  return trains ? `Training and tracking in ${city}.` : `Tracking my health in ${city}.`;
}
