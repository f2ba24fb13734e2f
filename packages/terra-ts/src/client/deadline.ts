/**
 * A per-attempt time limit. Its `signal` goes to `fetch`, so when the time is up the request and its
 * body read both fail at once and the connection is torn down: a server that never answers, or stalls
 * mid-body, cannot pin sockets and memory while the retries go on. The caller's own signal is forwarded
 * to it. (A custom `fetch` must honour `signal`, as every standard one does, for timeouts to apply.)
 */
export class Deadline {
  /** Aborts when the time is up or the caller's signal aborts. */
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal | undefined;
  // Only made when there is a caller's signal to forward: the deadline is on every call's hot path.
  readonly #forwardAbort: (() => void) | undefined;
  #fired = false;
  readonly #timer: ReturnType<typeof setTimeout>;

  /**
   * @param ms - the limit in milliseconds.
   * @param callerSignal - the caller's signal, forwarded to {@link Deadline.signal}.
   */
  constructor(ms: number, callerSignal?: AbortSignal) {
    this.signal = this.#controller.signal;
    this.#callerSignal = callerSignal;
    if (callerSignal) {
      const controller = this.#controller;
      this.#forwardAbort = () => controller.abort(callerSignal.reason);
      callerSignal.addEventListener('abort', this.#forwardAbort, { once: true });
    }
    this.#timer = setTimeout(() => {
      this.#fired = true;
      this.#controller.abort();
    }, ms);
  }

  /** Whether the time ran out. */
  get fired(): boolean {
    return this.#fired;
  }

  /** Stops the timer and lets go of the caller's signal. */
  clear(): void {
    clearTimeout(this.#timer);
    if (this.#forwardAbort) this.#callerSignal?.removeEventListener('abort', this.#forwardAbort);
  }
}
