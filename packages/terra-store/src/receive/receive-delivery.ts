import {
  getSignatureHeader,
  type HeadersLike,
  parseSignatureHeader,
  type TerraWebhooks,
  WebhookVerificationError,
} from 'terra-ts';
import type { Database } from '../db/database.js';
import type { InboxGroupCommit } from '../inbox/group-commit.js';
import type { InboxRow } from '../inbox/inbox-row.js';
import { type InboxDelivery, type InboxInsert, insertDelivery } from '../inbox/insert-delivery.js';
import { answer, type StoreAnswer } from './answer.js';

/** What the receiver needs from the store. */
export interface ReceiveTarget {
  readonly db: Database;
  /**
   * Writes deliveries arriving at once in one commit (without it, each commits alone), and applies them in
   * that commit when the store applies on receipt.
   */
  readonly inbox?: InboxGroupCommit;
  /**
   * Called with the new inbox row once it is committed (inline processing), not for duplicates; `row` is
   * the committed delivery itself when its body is text, so processing need not read it back.
   */
  readonly onCommitted?: (id: number, row: InboxRow | undefined) => void;
  /**
   * Called after the commit, before the answer (tests crash here): `received`, then `processed` when the
   * delivery was applied in the same commit.
   */
  readonly onStage?: (stage: 'received' | 'processed', id: number) => void | Promise<void>;
  /** Called with every error behind a non-2xx answer. */
  readonly onError?: (error: unknown) => void;
}

function statusFor(error: WebhookVerificationError): number {
  switch (error.reason) {
    case 'signature_mismatch':
    case 'timestamp_too_old':
    case 'timestamp_in_future':
      return 401;
    case 'missing_secret':
      return 500;
    case 'payload_too_large':
      return 413;
    default:
      return 400;
  }
}

function userIdOf(json: Record<string, unknown>): string | undefined {
  for (const field of ['user', 'new_user']) {
    const user = json[field] as { user_id?: unknown } | undefined;
    if (typeof user?.user_id === 'string' && user.user_id !== '') return user.user_id;
  }
  return undefined;
}

/** How long Terra should wait before retrying when the database is unavailable, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Verifies one delivery with terra-ts, writes its raw bytes to the inbox and commits; only then is the
 * answer 2xx. When the store applies deliveries on receipt, a data delivery's records are stored in that
 * same commit (see `applyOnReceipt`); otherwise it is processed after the answer. A delivery already in the inbox (same body hash, reference and trace id) is answered 200 as a
 * duplicate. Any database failure is answered 503 with `Retry-After`, so Terra delivers again.
 */
export async function receiveDelivery(
  target: ReceiveTarget,
  webhooks: TerraWebhooks,
  body: Uint8Array,
  headers: HeadersLike,
): Promise<StoreAnswer> {
  let verified: Awaited<ReturnType<TerraWebhooks['handleWebhook']>>;
  try {
    verified = await webhooks.handleWebhook(body, undefined, headers);
  } catch (error) {
    target.onError?.(error);
    if (error instanceof WebhookVerificationError) {
      return answer(statusFor(error), { error: error.reason, message: error.message });
    }
    return answer(400, { error: 'unreadable', message: 'The delivery could not be read.' });
  }
  const json = verified.getJson() as Record<string, unknown>;
  let signedAt: number | undefined;
  try {
    signedAt = parseSignatureHeader(getSignatureHeader(headers)).timestamp;
  } catch {
    signedAt = undefined;
  }
  const delivery: InboxDelivery = {
    body,
    reference: verified.delivery.reference,
    traceId: verified.delivery.traceId,
    orderingTs: verified.delivery.orderingTimestamp,
    signedAt: signedAt !== undefined && signedAt > 1e11 ? Math.floor(signedAt / 1000) : signedAt,
    eventType: typeof json.type === 'string' ? json.type : undefined,
    userId: userIdOf(json),
  };
  let inserted: InboxInsert;
  try {
    inserted = await (target.inbox
      ? target.inbox.insert(delivery, json)
      : insertDelivery(target.db, delivery));
  } catch (error) {
    target.onError?.(error);
    return answer(
      503,
      { error: 'store_unavailable', message: 'The delivery could not be stored; retry later.' },
      { 'retry-after': String(RETRY_AFTER_SECONDS) },
    );
  }
  if (inserted.duplicate) return answer(200, { ok: true, duplicate: true, id: inserted.id });
  await target.onStage?.('received', inserted.id);
  if (inserted.applied) await target.onStage?.('processed', inserted.id);
  else target.onCommitted?.(inserted.id, inserted.row);
  return answer(200, { ok: true, id: inserted.id });
}
