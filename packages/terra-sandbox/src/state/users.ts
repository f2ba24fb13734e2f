import { randomUUID } from 'node:crypto';
import { ChangeSignal } from './change-signal.js';
import { terraTimestamp } from './time.js';
import type { NewUser, TerraUser } from './types.js';

/** Scopes a provider grants in the sandbox, in Terra's comma-separated form. */
const DEFAULT_SCOPES = 'activity,sleep,daily,body,nutrition,menstruation';

/**
 * The users (connections) of the sandbox, keyed by user_id. It signals its own changes; whoever edits a
 * stored user in place (deactivating it, dropping a scope) calls `changed()`.
 */
export class UserStore extends ChangeSignal {
  private readonly byId = new Map<string, TerraUser>();

  /** Creates a connected user and returns the wire object (stored by reference). */
  create(input: NewUser, now: number = Date.now()): TerraUser {
    const user: TerraUser = {
      user_id: input.user_id ?? randomUUID(),
      provider: input.provider.toUpperCase(),
      reference_id: input.reference_id ?? null,
      created_at: terraTimestamp(now),
      last_webhook_update: null,
      scopes: input.scopes ?? DEFAULT_SCOPES,
      active: true,
    };
    this.byId.set(user.user_id, user);
    this.changed();
    return user;
  }

  /** Puts a user back as it was (loading a data file). */
  restore(user: TerraUser): void {
    this.byId.set(user.user_id, user);
  }

  /** The user with this id, if any. */
  get(userId: string): TerraUser | undefined {
    return this.byId.get(userId);
  }

  /** Every user connected with this reference_id. */
  byReference(referenceId: string): TerraUser[] {
    return this.list().filter((u) => u.reference_id === referenceId);
  }

  /** All users, oldest first. */
  list(): TerraUser[] {
    return [...this.byId.values()];
  }

  /** Removes a user; true when it existed. */
  delete(userId: string): boolean {
    const existed = this.byId.delete(userId);
    if (existed) this.changed();
    return existed;
  }

  /** Number of users. */
  get size(): number {
    return this.byId.size;
  }
}
