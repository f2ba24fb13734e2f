import { AthleteReturned } from '../responses/athlete-returned.js';
import { DataReturned } from '../responses/data-returned.js';
import { NoDataReturned } from '../responses/no-data-returned.js';
import { S3PayloadHookResponse } from './events/delivery-events.js';
import type { ParsedWebhookEvent } from './events/index.js';
import {
  LargeRequestProcessingHookResponse,
  LargeRequestSendingHookResponse,
} from './events/request-events.js';
import { positiveOption } from './positive-option.js';
import type { TerraWebhookResponse } from './webhook-response.js';

/** Where one large request stands. */
export interface LargeRequestProgress {
  /** The request's `terra-reference`. */
  readonly reference: string;
  /** `expected_payloads` from `large_request_sending`, or `undefined` until that event arrives. */
  readonly expected: number | undefined;
  /** Distinct data deliveries seen so far for the reference. */
  readonly received: number;
  /** True once `received` reaches `expected`. */
  readonly complete: boolean;
}

/** Options of {@link LargeRequestTracker}. */
export interface LargeRequestTrackerOptions {
  /** How long an unfinished request is remembered, in seconds. Default 2 days. */
  ttlSeconds?: number;
  /** How many requests are tracked at once (oldest dropped first). Default 1 000. */
  maxRequests?: number;
}

interface Tracked {
  expected: number | undefined;
  /** A `large_request_*` notice was seen: this is certainly a large request, not everyday traffic. */
  announced: boolean;
  deliveries: Set<string>;
  expiresAt: number;
}

function carriesData(event: ParsedWebhookEvent): boolean {
  return (
    event instanceof DataReturned ||
    event instanceof AthleteReturned ||
    event instanceof S3PayloadHookResponse ||
    event instanceof NoDataReturned
  );
}

/**
 * Says when every chunk of a large request has arrived. A request spanning more than a month is
 * delivered as `large_request_processing`, then `large_request_sending` (with `expected_payloads`),
 * then that many data events, all sharing the `terra-reference` header. Chunks (trace ids
 * `<id>:chunk:<n>`) may arrive before the announcement, and a retried chunk counts once (by
 * `X-Terra-Trace-Id`); ordinary deliveries of requests never announced are not tracked. State is kept in memory.
 *
 * @example
 * ```ts
 * const tracker = new LargeRequestTracker();
 * const progress = tracker.observe(response);
 * if (progress?.complete) await finishImport(progress.reference);
 * ```
 */
export class LargeRequestTracker {
  readonly #requests = new Map<string, Tracked>();
  readonly #ttlMs: number;
  readonly #maxRequests: number;
  #untraced = 0;

  /** @param options - TTL and size bound. */
  constructor(options: LargeRequestTrackerOptions = {}) {
    this.#ttlMs = positiveOption('ttlSeconds', options.ttlSeconds ?? 2 * 24 * 60 * 60) * 1000;
    this.#maxRequests = positiveOption('maxRequests', options.maxRequests ?? 1000);
  }

  /**
   * Records one verified delivery and returns the progress of the request it belongs to, or `undefined`
   * when it belongs to none (no `terra-reference`, or an event such as `auth` that is not request data).
   */
  observe(response: TerraWebhookResponse): LargeRequestProgress | undefined {
    const event = response.event;
    if (
      event instanceof LargeRequestSendingHookResponse ||
      event instanceof LargeRequestProcessingHookResponse
    ) {
      const reference = event.reference || response.delivery.reference;
      if (!reference) return undefined;
      const tracked = this.#entry(reference);
      tracked.announced = true;
      const expected = (event as { expected_payloads?: unknown }).expected_payloads;
      if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 0)
        tracked.expected = expected;
      return this.progress(reference);
    }
    const reference = response.delivery.reference;
    if (!reference || !carriesData(event)) return undefined;
    const traceId = response.delivery.traceId;
    // Everyday deliveries carry a reference too; only a chunk (trace id `<id>:chunk:<n>`) may start
    // tracking a request not announced yet, so ordinary traffic never fills the bounded map.
    if (traceId && !traceId.includes(':chunk:') && !this.#requests.has(reference)) return undefined;
    this.#untraced += 1;
    this.#entry(reference).deliveries.add(traceId ?? `untraced-${this.#untraced}`);
    return this.progress(reference);
  }

  /** The progress of a request, or `undefined` if it is not tracked (never seen, expired, or reported complete). */
  progress(reference: string): LargeRequestProgress | undefined {
    const tracked = this.#requests.get(reference);
    if (!tracked) return undefined;
    const received = tracked.deliveries.size;
    const complete = tracked.expected !== undefined && received >= tracked.expected;
    if (complete) this.#requests.delete(reference);
    return { reference, expected: tracked.expected, received, complete };
  }

  #entry(reference: string): Tracked {
    let tracked = this.#requests.get(reference);
    if (!tracked) {
      const now = Date.now();
      this.#makeRoom(now);
      tracked = {
        expected: undefined,
        announced: false,
        deliveries: new Set(),
        expiresAt: now + this.#ttlMs,
      };
      this.#requests.set(reference, tracked);
    }
    return tracked;
  }

  // Everyday data deliveries carry a `terra-reference` too, so when full, the oldest request never
  // announced goes first: a busy stream of ordinary deliveries must not push out a large request in progress.
  #makeRoom(now: number): void {
    // Map iteration is oldest first, and expiry follows creation order.
    for (const [key, value] of this.#requests) {
      if (value.expiresAt > now) break;
      this.#requests.delete(key);
    }
    if (this.#requests.size < this.#maxRequests) return;
    for (const [key, value] of this.#requests) {
      if (!value.announced) {
        this.#requests.delete(key);
        return;
      }
    }
    const oldest = this.#requests.keys().next();
    if (!oldest.done) this.#requests.delete(oldest.value);
  }
}
