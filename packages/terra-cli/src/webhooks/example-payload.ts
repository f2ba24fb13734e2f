import { examplePayloads } from 'terra-ts/testing';
import { UsageError } from '../cli-error.js';

/** The event types `terra webhooks send` has an example of. */
export function exampleEventTypes(): string[] {
  return Object.keys(examplePayloads).sort();
}

/**
 * A fresh copy of terra-ts's realistic example payload for an event type (a copy because `--user` edits it),
 * optionally about a given user.
 */
export function examplePayload(type: string, userId: string | undefined): Record<string, unknown> {
  const example = (examplePayloads as Record<string, unknown>)[type];
  if (example === undefined) {
    throw new UsageError(
      `no example for event type "${type}"`,
      `use one of: ${exampleEventTypes().join(', ')}`,
    );
  }
  const payload = structuredClone(typeof example === 'function' ? example() : example) as Record<
    string,
    unknown
  >;
  if (userId !== undefined) {
    for (const key of ['user', 'new_user']) {
      const user = payload[key];
      if (typeof user === 'object' && user !== null) (user as Record<string, unknown>).user_id = userId;
    }
  }
  return payload;
}
