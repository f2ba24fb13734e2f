import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A worker id that names the host and process (visible in `terra_inbox.claimed_by`). */
export function newWorkerId(prefix = 'terra-store'): string {
  return `${prefix}:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
