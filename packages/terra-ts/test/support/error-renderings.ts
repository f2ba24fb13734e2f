import { inspect } from 'node:util';

/**
 * Every way an error is shown or shipped somewhere: message, toString, stack, JSON (whole and by own
 * properties) and util.inspect with hidden properties. A secret must appear in none of them.
 */
export function errorRenderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e),
    e.stack ?? '',
    JSON.stringify(e),
    JSON.stringify(Object.fromEntries(Object.entries(e))),
    inspect(e, { depth: 10, showHidden: true }),
  ];
}
