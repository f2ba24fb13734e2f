import type { DeliveryStore } from '../state/deliveries.js';
import type { Delivery } from '../state/types.js';
import { signatureHeader } from './sign.js';
import { postWebhook } from './transport.js';

/** Terra gives up on a webhook after this many attempts. */
export const MAX_ATTEMPTS = 10;

/** Delay before the next attempt after `failedAttempts` failures: base, 2 x base, 4 x base, ... */
export function retryDelayMs(baseMs: number, failedAttempts: number): number {
  return baseMs * 2 ** (failedAttempts - 1);
}

/** Settings the queue reads on every attempt, so changes apply at once. */
export interface DeliverySettings {
  secret: string;
  /** First retry waits this long; each further retry doubles it. */
  retryBaseMs: number;
  /** How long a receiver may take to answer one attempt. */
  timeoutMs: number;
  /** The configured webhook URL now; retries follow it when it changes, as Terra's do. */
  webhookUrl: string | undefined;
  /** Attempts in flight at once (1: strictly one after another, in queue order). */
  concurrency: number;
}

/**
 * Sends deliveries in the order they were queued, one at a time by default (so a large request's
 * `large_request_sending` arrives before its chunks), or up to `concurrency` at once (each starts in
 * queue order; answers may come back in any order), and retries failures with exponential backoff.
 * Each attempt is signed afresh so a late retry still passes a receiver's timestamp tolerance.
 */
export class DeliveryQueue {
  private readonly queue: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private readonly attemptListeners = new Set<(delivery: Delivery) => void>();

  constructor(
    private readonly store: DeliveryStore,
    private readonly settings: () => DeliverySettings,
  ) {}

  /**
   * Subscribes to the outcome of every attempt: the listener gets the delivery as it stands after
   * it (`delivered` when the receiver answered 2xx, `failed` when it was the last). Returns the
   * unsubscribe function.
   */
  onAttempt(listener: (delivery: Delivery) => void): () => void {
    this.attemptListeners.add(listener);
    return () => this.attemptListeners.delete(listener);
  }

  /** Queues a delivery for its next attempt now. */
  enqueue(delivery: Delivery): void {
    if (this.closed) return;
    this.queue.push(delivery);
    this.pump();
  }

  private pump(): void {
    const limit = Math.max(1, this.settings().concurrency);
    while (this.running < limit && !this.closed) {
      const next = this.queue.shift();
      if (!next) break;
      this.running++;
      void this.attempt(next).finally(() => {
        this.running--;
        if (this.queue.length > 0 && !this.closed) this.pump();
        else if (this.running === 0) this.notifyIdle();
      });
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { secret, retryBaseMs, timeoutMs, webhookUrl } = this.settings();
    if (webhookUrl) delivery.url = webhookUrl;
    const now = Date.now();
    const signature = signatureHeader(secret, delivery.payload, now);
    delivery.headers = {
      ...delivery.headers,
      'terra-signature': signature,
      'x-terra-signature': signature,
    };
    delivery.next_attempt_at = null;
    const outcome = await postWebhook(delivery.url, delivery.headers, delivery.payload, timeoutMs);
    const record: Delivery['attempts'][number] = { at: new Date(now).toISOString() };
    if (outcome.status !== undefined) record.status = outcome.status;
    if (!outcome.ok) record.error = outcome.error;
    delivery.attempts.push(record);
    if (outcome.ok) {
      delivery.status = 'delivered';
    } else if (delivery.attempts.length >= MAX_ATTEMPTS) {
      delivery.status = 'failed';
    } else if (this.closed) {
      // Shutting down: leave it retrying so a restart with the same data file resumes it.
      delivery.status = 'retrying';
    } else {
      delivery.status = 'retrying';
      this.scheduleRetry(delivery, retryDelayMs(retryBaseMs, delivery.attempts.length));
    }
    this.store.changed();
    for (const listener of this.attemptListeners) listener(delivery);
  }

  private scheduleRetry(delivery: Delivery, delayMs: number): void {
    delivery.next_attempt_at = new Date(Date.now() + delayMs).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.enqueue(delivery);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** True once {@link close} was called: nothing more will be sent. */
  isClosed(): boolean {
    return this.closed;
  }

  /** Resolves when nothing is queued or in flight (scheduled retries do not count). */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Stops sending: cancels scheduled retries and drops queued attempts (their records stay). */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queue.length = 0;
    this.notifyIdle();
  }
}
