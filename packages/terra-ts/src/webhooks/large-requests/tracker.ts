import {
  LargeRequestStoreError,
  type LargeRequestStoreOperation,
} from '../../errors/large-request-store-error.js';
import { TerraInvalidArgumentError } from '../../errors/terra-invalid-argument-error.js';
import type { TerraWebhookResponse } from '../delivery/webhook-response.js';
import { positiveOption } from '../positive-option.js';
import { type LargeRequestDelivery, largeRequestDeliveryOf } from './delivery.js';
import {
  MemoryLargeRequestStore,
  type SynchronousLargeRequestStore,
  synchronousLargeRequestStore,
} from './memory-store.js';
import type { LargeRequestState, LargeRequestStore } from './store.js';
import { checkedClaim, checkedState } from './store-answers.js';

/** Where one large request stands. */
export interface LargeRequestProgress {
  /** The request's `terra-reference`. */
  readonly reference: string;
  /** `expected_payloads` from `large_request_sending`, or `undefined` until that event arrives. */
  readonly expected: number | undefined;
  /** Distinct data deliveries seen so far for the reference. */
  readonly received: number;
  /**
   * True once `received` reaches `expected`. A tracker reports it for exactly one delivery of the request,
   * however many trackers share the store; the request is forgotten afterwards.
   */
  readonly complete: boolean;
}

/** Options of {@link LargeRequestTracker}. */
export interface LargeRequestTrackerOptions {
  /**
   * Where state lives. Default: a {@link MemoryLargeRequestStore} bounded by `maxRequests`. Pass a store
   * over a shared database when deliveries land on several instances, and call
   * {@link LargeRequestTracker.observeAsync}.
   */
  store?: LargeRequestStore;
  /** How long an unfinished request is remembered, in seconds (passed to the store). Default 2 days. */
  ttlSeconds?: number;
  /**
   * How many requests the default in-memory store keeps at once. Default 1 000. Not allowed with `store`:
   * bound your own store where it is built.
   */
  maxRequests?: number;
  /**
   * How many distinct deliveries the default in-memory store keeps per request. Default 10 000. Not allowed
   * with `store`.
   */
  maxDeliveriesPerRequest?: number;
}

/**
 * The progress a store's state stands for, or `undefined` for a request unknown or already reported. A
 * `complete` progress is only reported once its completion is claimed.
 */
function openProgress(
  reference: string,
  state: LargeRequestState | undefined,
): LargeRequestProgress | undefined {
  if (!state || state.reported) return undefined;
  const { expected, received } = state;
  return { reference, expected, received, complete: expected !== undefined && received >= expected };
}

function failureMessage(operation: LargeRequestStoreOperation, delivery: { reference: string }): string {
  const reference = `terra-reference "${delivery.reference}"`;
  const retry =
    'Let this error reach your webhook handler so the delivery is answered with a non-2xx status and Terra retries it';
  switch (operation) {
    case 'addDelivery':
      return `The large request store failed to record a delivery of ${reference}, so it may not have been counted. ${retry} (see the error's cause).`;
    case 'announce':
      return `The large request store failed to record the announcement of ${reference}. ${retry} (see the error's cause).`;
    case 'claimCompletion':
      return `The large request store recorded a delivery of ${reference} but failed to mark the request complete, so its completion is not reported yet. ${retry}: the retry counts once and reports the completion (see the error's cause).`;
    case 'get':
      return `The large request store failed to read ${reference} (see the error's cause).`;
  }
}

/**
 * Says when every chunk of a large request has arrived. A request spanning more than a month is
 * delivered as `large_request_processing`, then `large_request_sending` (with `expected_payloads`),
 * then that many data events, all sharing the `terra-reference` header. Chunks (trace ids
 * `<id>:chunk:<n>`) may arrive before the announcement, and a retried chunk counts once (by the hash of
 * its signed body, so a captured chunk replayed under forged trace ids also counts once); ordinary
 * deliveries of requests never announced are not tracked. `terra-reference` is not signed: keep the
 * tracker behind the handlers' `dedupe` option, which answers a replay as a duplicate before it gets here.
 *
 * State lives in a {@link LargeRequestStore}: in memory by default, or in a store you share between
 * instances (serverless functions, a load-balanced fleet), where each instance sees only some chunks.
 * {@link LargeRequestTracker.observeAsync} works with every store; {@link LargeRequestTracker.observe}
 * answers synchronously and so needs the in-memory one. They are one class, not two, so the rules and the
 * options stay in one place and moving to a shared store is adding `store` and an `await`.
 *
 * @example
 * ```ts
 * const tracker = new LargeRequestTracker();                  // one process
 * const progress = tracker.observe(response);
 * if (progress?.complete) await finishImport(progress.reference);
 *
 * const shared = new LargeRequestTracker({ store: redisLargeRequestStore }); // many instances
 * if ((await shared.observeAsync(response))?.complete) await finishImport(response.delivery.reference);
 * ```
 */
export class LargeRequestTracker {
  /** The store in use. */
  readonly store: LargeRequestStore;
  readonly #ttlMs: number;

  /** @param options - store, TTL and in-memory size bound. */
  constructor(options: LargeRequestTrackerOptions = {}) {
    this.#ttlMs = positiveOption('ttlSeconds', options.ttlSeconds ?? 2 * 24 * 60 * 60) * 1000;
    for (const bound of ['maxRequests', 'maxDeliveriesPerRequest'] as const) {
      if (options.store && options[bound] !== undefined) {
        throw new TerraInvalidArgumentError(
          bound,
          `${bound} bounds the default in-memory store; with a store of your own, bound it where you build it and leave ${bound} out.`,
        );
      }
    }
    this.store =
      options.store ??
      new MemoryLargeRequestStore({
        maxRequests: options.maxRequests,
        maxDeliveriesPerRequest: options.maxDeliveriesPerRequest,
      });
  }

  /**
   * Records one verified delivery and returns the progress of the request it belongs to, or `undefined`
   * when it belongs to none (no `terra-reference`, or an event such as `auth` that is not request data)
   * or to a request already reported complete. Synchronous, so only with the in-memory store.
   *
   * @throws {@link TerraInvalidArgumentError} when the tracker has a store of your own: use {@link LargeRequestTracker.observeAsync}.
   */
  observe(response: TerraWebhookResponse): LargeRequestProgress | undefined {
    const delivery = largeRequestDeliveryOf(response);
    if (!delivery) return undefined;
    const store = this.#synchronousStore('observe');
    const state =
      delivery.kind === 'announcement'
        ? store.announce(delivery.reference, delivery.expected, this.#ttlMs)
        : store.addDelivery(delivery.reference, delivery.deliveryId, {
            start: delivery.start,
            ttlMs: this.#ttlMs,
          });
    const progress = openProgress(delivery.reference, state);
    if (!progress?.complete) return progress;
    return store.claimCompletion(delivery.reference) ? progress : undefined;
  }

  /**
   * {@link LargeRequestTracker.observe} for any store: records one verified delivery and resolves the
   * progress of its request, or `undefined` when it belongs to none or to a request already reported
   * complete (by this or another tracker sharing the store).
   *
   * @throws {@link LargeRequestStoreError} when the store fails or answers out of contract; nothing is lost
   * if the delivery is then answered with a non-2xx status, since Terra's retry counts once.
   */
  async observeAsync(response: TerraWebhookResponse): Promise<LargeRequestProgress | undefined> {
    const delivery = largeRequestDeliveryOf(response);
    if (!delivery) return undefined;
    const progress = openProgress(delivery.reference, await this.#record(delivery));
    if (!progress?.complete) return progress;
    const claimed = await this.#ask('claimCompletion', delivery, () =>
      this.store.claimCompletion(delivery.reference),
    );
    return checkedClaim(claimed, delivery.reference) ? progress : undefined;
  }

  /**
   * The progress of a request, or `undefined` if it is not tracked (never seen, expired, or reported
   * complete). Synchronous, so only with the in-memory store; see {@link LargeRequestTracker.progressAsync}.
   *
   * @throws {@link TerraInvalidArgumentError} when the tracker has a store of your own.
   */
  progress(reference: string): LargeRequestProgress | undefined {
    return openProgress(reference, this.#synchronousStore('progress').get(reference));
  }

  /**
   * {@link LargeRequestTracker.progress} for any store. Only reads: it never reports a completion.
   *
   * @throws {@link LargeRequestStoreError} when the store fails or answers out of contract.
   */
  async progressAsync(reference: string): Promise<LargeRequestProgress | undefined> {
    const answer = await this.#ask('get', { reference }, () => this.store.get(reference));
    return openProgress(reference, checkedState(answer, 'get', reference, true));
  }

  async #record(delivery: LargeRequestDelivery): Promise<LargeRequestState | undefined> {
    const { reference } = delivery;
    if (delivery.kind === 'announcement') {
      const answer = await this.#ask('announce', delivery, () =>
        this.store.announce(reference, delivery.expected, this.#ttlMs),
      );
      return checkedState(answer, 'announce', reference, false);
    }
    const answer = await this.#ask('addDelivery', delivery, () =>
      this.store.addDelivery(reference, delivery.deliveryId, { start: delivery.start, ttlMs: this.#ttlMs }),
    );
    return checkedState(answer, 'addDelivery', reference, true);
  }

  // A store is user code: a synchronous throw and a rejection both become one typed error.
  async #ask<T>(
    operation: LargeRequestStoreOperation,
    delivery: { reference: string },
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (cause) {
      throw new LargeRequestStoreError(failureMessage(operation, delivery), operation, delivery.reference, {
        cause,
      });
    }
  }

  #synchronousStore(method: 'observe' | 'progress'): SynchronousLargeRequestStore {
    const store = synchronousLargeRequestStore(this.store);
    if (store) return store;
    throw new TerraInvalidArgumentError(
      'store',
      `LargeRequestTracker.${method}() answers synchronously, so it works only with the in-memory store; with a store of your own, call await tracker.${method}Async(...) instead.`,
    );
  }
}
