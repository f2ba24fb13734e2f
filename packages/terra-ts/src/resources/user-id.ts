import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { User } from '../user.js';
import { checkIdSegment } from './id-segment-check.js';

/** A user as the API methods accept it: a {@link User} or its `user_id`. */
export type UserRef = User | string;

/** The `user_id` of a user argument (a `User`'s too: a server may have sent it), validated as one id. */
export function userIdOf(user: unknown, name = 'user'): string {
  const id = user instanceof User ? user.user_id : user;
  if (typeof id === 'string' && id.trim() !== '') return checkIdSegment(id, name);
  const got =
    user instanceof User
      ? 'a User without a user_id'
      : user === undefined
        ? 'nothing'
        : typeof user === 'string'
          ? 'an empty string'
          : `a ${typeof user}`;
  throw new TerraInvalidArgumentError(
    name,
    `${name} must be a User or a non-empty Terra user_id string (e.g. from terra.listUsers() or an auth webhook); got ${got}`,
  );
}
