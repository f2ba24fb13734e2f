/** What a {@link LargeRequestStore} holds for one large request, as its operations return it. */
export interface LargeRequestState {
  /** `expected_payloads` once the announcement has been recorded, else `undefined`. */
  readonly expected: number | undefined;
  /** How many distinct delivery ids have been recorded for the request. */
  readonly received: number;
  /** True once some tracker has claimed the request's completion ({@link LargeRequestStore.claimCompletion}). */
  readonly reported: boolean;
}

/** How {@link LargeRequestStore.addDelivery} treats a request it does not know. */
export interface AddLargeRequestDeliveryOptions {
  /**
   * Whether this delivery may start tracking an unknown request. When false and the request is unknown
   * (never seen, or expired), the store records nothing and resolves `undefined`.
   */
  readonly start: boolean;
  /** How long a request created by this call is remembered, in milliseconds (from its creation; later calls do not extend it). */
  readonly ttlMs: number;
}

/**
 * Where {@link LargeRequestTracker} keeps its state. The in-memory default
 * ({@link MemoryLargeRequestStore}) suits one process; when deliveries land on several instances
 * (serverless functions, a load-balanced fleet), back it with something they share: Redis or Upstash
 * (a Lua script or `MULTI` per operation), DynamoDB (conditional `UpdateItem` with `ADD` on a string set),
 * Postgres (one `INSERT ... ON CONFLICT ... RETURNING`), or a Durable Object.
 *
 * Every operation must be atomic on its own: it reads and changes one request's record with no other
 * operation on that record in between, so two instances never lose each other's updates. The store only
 * records; which deliveries count and when a request is complete is decided by the tracker.
 *
 * A record is created with an expiry `ttlMs` ahead (never extended), holds a set of delivery ids, the
 * expected count and whether it was announced and reported. Once reported, {@link LargeRequestStore.addDelivery} and
 * {@link LargeRequestStore.announce} change nothing (the delivery ids may be dropped then; only the count is read).
 */
export interface LargeRequestStore {
  /**
   * Adds `deliveryId` to the request's set of delivery ids (adding one already there changes nothing)
   * and resolves the state after it. An unknown request is created first when `options.start` is true;
   * otherwise nothing is recorded and it resolves `undefined`.
   */
  addDelivery(
    reference: string,
    deliveryId: string,
    options: AddLargeRequestDeliveryOptions,
  ): Promise<LargeRequestState | undefined>;
  /**
   * Marks the request announced (a `large_request_*` notice arrived, so it is certainly a large request),
   * creating it with an expiry `ttlMs` ahead if unknown, records `expected` unless it is `undefined`, and
   * resolves the state after it.
   */
  announce(reference: string, expected: number | undefined, ttlMs: number): Promise<LargeRequestState>;
  /**
   * Marks the request reported complete. Resolves true to exactly one caller: the one that marked it;
   * false when it was already reported, or is unknown.
   */
  claimCompletion(reference: string): Promise<boolean>;
  /** The request's state, or `undefined` if it is unknown (never seen, or expired). */
  get(reference: string): Promise<LargeRequestState | undefined>;
}
