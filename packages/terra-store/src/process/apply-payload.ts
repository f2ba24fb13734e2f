import { parseWebhookEvent } from 'terra-ts';
import type { Queryable } from '../db/database.js';
import { DATA_TYPES, isStoredDataType } from '../keys/data-types.js';
import { type UpsertBatch, type UpsertCounts, upsertRecords } from '../upsert/upsert-records.js';
import { applyConnectionEvent, CONNECTION_EVENT_TYPES } from './apply-connection-event.js';
import type { DeliveryContext } from './delivery-context.js';
import type { FinalWrites } from './final-writes.js';
import { announceLargeRequest } from './large-requests.js';
import type { WireUser } from './users.js';

// Deliveries that carry nothing to store beyond the inbox row itself.
const NOTICE_TYPES = new Set([
  'healthcheck',
  'processing',
  'request_processing',
  'request_completed',
  'rate_limit_hit',
  'auth_cancelled',
  'lab_report.completed',
  'lab_report.failed',
  'health_observation',
]);

/**
 * Applies one verified payload inside the caller's transaction: data records are upserted, connection events
 * move users, large-request notices and chunks are counted. Unknown types are kept (the inbox row holds them
 * whole) and reported in the outcome, never an error.
 *
 * @param json - the parsed payload.
 * @param payloadJson - the same payload as JSON text (the raw body when it came as a webhook).
 * @param shared - collects the user row and chunk count writes; the caller writes them before committing.
 * @param upsert - stores the records (default: at once, one statement; a caller batching several deliveries
 *   passes its own).
 * @returns the outcome recorded on the inbox row.
 */
export async function applyPayload(
  tx: Queryable,
  json: Record<string, unknown>,
  payloadJson: string,
  ctx: DeliveryContext,
  shared: FinalWrites,
  upsert: (batch: UpsertBatch) => Promise<UpsertCounts> = (batch) => upsertRecords(tx, batch),
): Promise<string> {
  const event = parseWebhookEvent(json);
  const type = typeof json.type === 'string' ? json.type : (event as { type?: string }).type;
  const user = (typeof json.user === 'object' && json.user !== null ? json.user : undefined) as
    | WireUser
    | undefined;
  const userId = typeof user?.user_id === 'string' ? user.user_id : undefined;

  if (type && isStoredDataType(type)) {
    if (!userId) throw new Error(`a ${type} payload without user.user_id cannot be keyed`);
    shared.touchUser({ user: user as WireUser, receivedAt: ctx.receivedAt });
    const counts = await upsert({
      type,
      payloadJson,
      userId,
      provider: typeof user?.provider === 'string' ? user.provider : undefined,
      orderingTs: ctx.orderingTs,
      inboxId: ctx.inboxId,
      source: ctx.source,
    });
    if (ctx.reference && ctx.source === 'webhook') {
      shared.countChunk({
        reference: ctx.reference,
        deliveryId: ctx.deliveryId,
        inboxId: ctx.inboxId,
        userId,
        type,
      });
    }
    const table = DATA_TYPES[type].table;
    return `${type}: ${counts.received} records, ${counts.inserted} new, ${counts.updated} replaced, ${counts.unchanged} unchanged${counts.unkeyed ? `, ${counts.unkeyed} without a natural key (kept in the inbox only)` : ''} (${table})`;
  }
  if (type && CONNECTION_EVENT_TYPES.has(type)) return applyConnectionEvent(tx, type, json, ctx);
  if (type === 'large_request_processing' || type === 'large_request_sending') {
    const reference = typeof json.reference === 'string' ? json.reference : ctx.reference;
    if (!reference) return `${type} without a reference`;
    const expected = typeof json.expected_payloads === 'number' ? json.expected_payloads : null;
    await announceLargeRequest(tx, reference, userId ?? null, expected);
    return `${type} ${reference}${expected === null ? '' : ` expects ${expected}`}`;
  }
  if (type && NOTICE_TYPES.has(type)) return `${type} (kept in the inbox)`;
  return `unknown type ${JSON.stringify(type ?? null)} (kept whole in the inbox)`;
}
