import { getPath } from '../output/fields.js';
import type { Colors } from '../output/printer.js';
import { sanitizeCell } from '../output/text-width.js';
import type { ReceivedDelivery } from './delivery.js';

function userOf(payload: unknown): { user_id: string | null; provider: string | null } {
  const user = getPath(payload, 'user') ?? getPath(payload, 'new_user');
  const id = getPath(user, 'user_id');
  const provider = getPath(user, 'provider');
  return {
    user_id: typeof id === 'string' ? id : null,
    provider: typeof provider === 'string' ? provider : null,
  };
}

/** The summary fields of a verified payload: its type, user and record count. */
export function summariseEvent(
  payload: unknown,
): Pick<ReceivedDelivery, 'type' | 'user_id' | 'provider' | 'records'> {
  const type = getPath(payload, 'type');
  const data = getPath(payload, 'data');
  return {
    type: typeof type === 'string' ? type : null,
    ...userOf(payload),
    records: Array.isArray(data) ? data.length : null,
  };
}

/** One line for a person watching `terra webhooks listen` on a terminal. */
export function eventLine(delivery: ReceivedDelivery, colors: Colors): string {
  const time = delivery.received_at.slice(11, 19);
  if (!delivery.verified) {
    return `${colors.dim(time)} ${colors.red('✗ rejected')} ${delivery.reason ?? 'unknown reason'}`;
  }
  // Payload and header values are sanitised: a signed payload is authentic, not necessarily terminal-safe.
  const safe = (value: string) => sanitizeCell(value);
  const parts = [
    `${colors.dim(time)} ${colors.green('✓')} ${colors.bold(safe(delivery.type ?? '(no type)'))}`,
  ];
  if (delivery.user_id) {
    parts.push(`user ${safe(delivery.user_id)}${delivery.provider ? ` (${safe(delivery.provider)})` : ''}`);
  }
  if (delivery.records !== null) parts.push(`${delivery.records} record${delivery.records === 1 ? '' : 's'}`);
  if (delivery.reference) parts.push(colors.dim(`ref ${safe(delivery.reference)}`));
  if (delivery.forward_status !== null) parts.push(`→ ${delivery.forward_status}`);
  if (delivery.forward_error !== null) parts.push(colors.red(`→ forward failed: ${delivery.forward_error}`));
  return parts.join('  ');
}
