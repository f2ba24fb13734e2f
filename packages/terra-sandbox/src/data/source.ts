import type { TerraUser } from '../state/types.js';

/** The data types served by `GET /<type>` with a date range. */
export const DATA_TYPES = ['activity', 'body', 'daily', 'menstruation', 'nutrition', 'sleep'] as const;

/** One of {@link DATA_TYPES}. */
export type DataType = (typeof DATA_TYPES)[number];

/** What a generator needs: data is a pure function of (seed, user, day, type). */
export interface GeneratorContext {
  seed: number;
  user: TerraUser;
}

// Placeholder records until src/generators lands; minimal but valid against the schemas.
function stubRecord(type: DataType, day: string): Record<string, unknown> {
  const start = `${day}T08:00:00.000000+00:00`;
  const end = `${day}T09:00:00.000000+00:00`;
  switch (type) {
    case 'activity':
      return {
        metadata: { summary_id: `act-${day}`, start_time: start, end_time: end, type: 8, upload_type: 1 },
      };
    case 'sleep':
    case 'daily':
      return { metadata: { start_time: start, end_time: end, upload_type: 1 } };
    default:
      return { metadata: { start_time: start, end_time: end } };
  }
}

/** Records of one type for one UTC day (`YYYY-MM-DD`). */
export function recordsForDay(
  type: DataType,
  _ctx: GeneratorContext,
  day: string,
  _options: { withSamples: boolean },
): unknown[] {
  return [stubRecord(type, day)];
}

/** The athlete profile of a user. */
export function athleteFor(ctx: GeneratorContext): Record<string, unknown> {
  return { first_name: 'Sandbox', last_name: 'Athlete', provider_user_id: ctx.user.user_id };
}
