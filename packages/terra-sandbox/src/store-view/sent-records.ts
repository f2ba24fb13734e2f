import { recordKey } from '../data/record-key.js';
import { DATA_TYPES, type DataType } from '../data/source.js';
import type { GroundTruth } from '../live/ground-truth.js';
import type { Delivery } from '../state/types.js';

/** The newest version of each record the sandbox delivered: user -> type -> natural key -> record. */
export type SentRecords = Map<string, Map<DataType, Map<string, unknown>>>;

function slot(sent: SentRecords, userId: string, type: DataType): Map<string, unknown> {
  let byType = sent.get(userId);
  if (!byType) {
    byType = new Map();
    sent.set(userId, byType);
  }
  let byKey = byType.get(type);
  if (!byKey) {
    byKey = new Map();
    byType.set(type, byKey);
  }
  return byKey;
}

const isDataType = (type: string): type is DataType => (DATA_TYPES as readonly string[]).includes(type);

/** From live mode's ground truth (acknowledged versions only): complete, whatever the delivery retention. */
export function sentFromGroundTruth(truth: GroundTruth): SentRecords {
  const sent: SentRecords = new Map();
  for (const r of truth.records) {
    if (isDataType(r.type)) slot(sent, r.userId, r.type).set(r.key, r.record);
  }
  return sent;
}

/**
 * From the deliveries the sandbox keeps: every data payload the receiver acknowledged, the newest version
 * of each record by ordering timestamp (a late copy of an older version never replaces a newer one).
 */
export function sentFromDeliveries(deliveries: readonly Delivery[]): SentRecords {
  const sent: SentRecords = new Map();
  const newestAt = new Map<string, number>();
  for (const delivery of deliveries) {
    if (delivery.status !== 'delivered' || !isDataType(delivery.type)) continue;
    const type = delivery.type;
    let body: { data?: unknown; user?: { user_id?: unknown } };
    try {
      body = JSON.parse(delivery.payload);
    } catch {
      continue;
    }
    const userId = body.user?.user_id;
    if (typeof userId !== 'string' || !Array.isArray(body.data)) continue;
    for (const record of body.data) {
      const key = recordKey(type, record);
      if (key === undefined) continue;
      const id = `${userId}\u0000${type}\u0000${key}`;
      if ((newestAt.get(id) ?? Number.NEGATIVE_INFINITY) > delivery.ordering_timestamp) continue;
      newestAt.set(id, delivery.ordering_timestamp);
      slot(sent, userId, type).set(key, record);
    }
  }
  return sent;
}
