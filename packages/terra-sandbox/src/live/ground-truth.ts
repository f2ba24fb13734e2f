import type { Delivery } from '../state/types.js';
import type { LiveRecordType } from './sync-contents.js';

/** The newest version sent of one record (per natural key). */
export interface GroundTruthRecord {
  /** The webhook `type` it was sent as. */
  readonly type: LiveRecordType;
  /** The user it belongs to. */
  readonly userId: string;
  /**
   * Its natural key within the user: `metadata.summary_id` (activity, sleep), the local date
   * `YYYY-MM-DD` of `metadata.start_time` (daily, body, nutrition, menstruation), the user id (athlete).
   */
  readonly key: string;
  /** `x-terra-ordering-timestamp` of this version, epoch ms. */
  readonly orderingTimestamp: number;
  /** `X-Terra-Trace-Id` of the delivery that carried it first. */
  readonly traceId: string;
  /** True once a delivery carrying this very version was answered 2xx. */
  readonly acknowledged: boolean;
  /** The wire record as sent (an element of `data`, or `athlete`), parsed afresh for each report. */
  readonly record: unknown;
}

/** One delivery the receiver answered 2xx. */
export interface AcknowledgedDelivery {
  /** The sandbox's delivery id (`GET /sandbox/api/deliveries/:id`). */
  readonly deliveryId: string;
  /** Webhook `type`. */
  readonly type: string;
  /** `X-Terra-Trace-Id`: duplicates and late copies of a version share it. */
  readonly traceId: string;
  /** `terra-reference`. */
  readonly reference: string;
  /** `x-terra-ordering-timestamp`, epoch ms. */
  readonly orderingTimestamp: number;
  /** The user it is about, when there is one. */
  readonly userId: string | null;
}

/** Counts of every delivery made while live mode was on (data, events, duplicates and late copies alike). */
export interface DeliveryCounts {
  /** Deliveries created. */
  readonly sent: number;
  /** Deliveries the receiver answered 2xx (each at most once: a delivery stops when answered). */
  readonly acknowledged: number;
  /** Deliveries given up on (every attempt failed, or no webhook URL). */
  readonly failed: number;
  /** Deliveries still being attempted. */
  readonly inFlight: number;
}

/** What the sandbox has sent in live mode, as a receiver that kept everything should now hold it. */
export interface GroundTruth {
  /** The sandbox clock's now when the report was made, epoch ms. */
  readonly now: number;
  /** The newest version of every record sent, one per (type, user, key), sorted by type, user and key. */
  readonly records: GroundTruthRecord[];
  /** Delivery counts. */
  readonly deliveries: DeliveryCounts;
  /** Every delivery answered 2xx, oldest first (only with `includeDeliveries`). */
  readonly acknowledgedDeliveries?: AcknowledgedDelivery[];
}

/** What a ground-truth report holds. */
export interface GroundTruthOptions {
  /** List every acknowledged delivery too (`acknowledgedDeliveries`). Default false. */
  includeDeliveries?: boolean;
  /**
   * Report, per key, the newest version among those carried by a delivery the receiver answered 2xx,
   * instead of the newest sent: what a receiver that lost nothing it acknowledged holds, even when a
   * newer version's deliveries all failed. Default false.
   */
  acknowledgedOnly?: boolean;
}

/** A record version as the ledger keeps it. */
export interface LedgerVersion {
  readonly type: LiveRecordType;
  readonly userId: string;
  readonly key: string;
  readonly orderingTimestamp: number;
  readonly traceId: string;
  readonly json: string;
  acknowledged: boolean;
}

/**
 * Keeps the newest version of every record sent (by ordering timestamp, so a late copy of an older
 * version never replaces a newer one) and counts deliveries and their acknowledgements. Records
 * are kept as the JSON sent, parsed only when a report is asked for.
 */
export class GroundTruthLedger {
  private readonly newest = new Map<string, LedgerVersion>();
  private readonly newestAcknowledged = new Map<string, LedgerVersion>();
  /** Deliveries counted as sent and still being attempted, with the versions they carry. */
  private readonly versionsByDelivery = new Map<string, LedgerVersion[]>();
  private readonly acknowledgedList: AcknowledgedDelivery[] = [];
  private sent = 0;
  private acknowledged = 0;
  private failed = 0;

  /** Records that `delivery` carries `versions` (none for an event) and counts it as sent. */
  sentDelivery(delivery: Delivery, versions: readonly LedgerVersion[]): void {
    this.sent++;
    for (const version of versions) keepNewest(this.newest, version);
    if (delivery.status === 'failed') this.failed++;
    else this.versionsByDelivery.set(delivery.id, [...versions]);
  }

  /**
   * Takes in the outcome of an attempt at a delivery counted by {@link sentDelivery}; attempts at
   * any other delivery (one made before live mode started, a dashboard resend) are not counted.
   */
  attempted(delivery: Delivery): void {
    const versions = this.versionsByDelivery.get(delivery.id);
    if (!versions) return;
    if (delivery.status === 'delivered') {
      this.acknowledged++;
      this.acknowledgedList.push({
        deliveryId: delivery.id,
        type: delivery.type,
        traceId: delivery.trace_id,
        reference: delivery.reference,
        orderingTimestamp: delivery.ordering_timestamp,
        userId: delivery.user_id,
      });
      for (const version of versions) {
        version.acknowledged = true;
        keepNewest(this.newestAcknowledged, version);
      }
      this.versionsByDelivery.delete(delivery.id);
    } else if (delivery.status === 'failed') {
      this.failed++;
      this.versionsByDelivery.delete(delivery.id);
    }
  }

  /** Deliveries neither acknowledged nor given up on. */
  get inFlight(): number {
    return this.sent - this.acknowledged - this.failed;
  }

  /**
   * The report (see {@link GroundTruth}); with `acknowledgedOnly`, the newest version per key among
   * those a delivery answered 2xx carried (what a receiver that lost nothing it acknowledged holds).
   */
  report(now: number, includeDeliveries: boolean, acknowledgedOnly = false): GroundTruth {
    const records = [...(acknowledgedOnly ? this.newestAcknowledged : this.newest).values()]
      .sort((a, b) => compare(a.type, b.type) || compare(a.userId, b.userId) || compare(a.key, b.key))
      .map(
        (v): GroundTruthRecord => ({
          type: v.type,
          userId: v.userId,
          key: v.key,
          orderingTimestamp: v.orderingTimestamp,
          traceId: v.traceId,
          acknowledged: v.acknowledged,
          record: JSON.parse(v.json),
        }),
      );
    const deliveries: DeliveryCounts = {
      sent: this.sent,
      acknowledged: this.acknowledged,
      failed: this.failed,
      inFlight: this.inFlight,
    };
    return includeDeliveries
      ? { now, records, deliveries, acknowledgedDeliveries: [...this.acknowledgedList] }
      : { now, records, deliveries };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps `version` in `map` when it is the newest of its (type, user, key) by ordering timestamp. */
function keepNewest(map: Map<string, LedgerVersion>, version: LedgerVersion): void {
  const slot = `${version.type}\u0000${version.userId}\u0000${version.key}`;
  const current = map.get(slot);
  if (!current || version.orderingTimestamp > current.orderingTimestamp) map.set(slot, version);
}
