import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { User } from '../user.js';

/** A user as the API methods accept it: a {@link User} or its `user_id`. */
export type UserRef = User | string;

/** The `user_id` of a user argument, validated. */
export function userIdOf(user: unknown, name = 'user'): string {
  if (user instanceof User) return user.user_id;
  if (typeof user === 'string' && user.trim() !== '') return user;
  const got =
    user === undefined ? 'nothing' : typeof user === 'string' ? 'an empty string' : `a ${typeof user}`;
  throw new TerraInvalidArgumentError(
    name,
    `${name} must be a User or a non-empty Terra user_id string (e.g. from terra.listUsers() or an auth webhook); got ${got}`,
  );
}
