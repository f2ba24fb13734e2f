/**
 * A per-attempt time limit, raced against each step of a request (headers, then body), whose `signal`
 * also goes to `fetch`: when the time is up the connection is torn down, so a server that never answers
 * cannot pin sockets and memory while the retries go on. The caller's own signal is forwarded to it.
 */
export class Deadline {
  /** Rejects (with no value worth reading) when the time is up. */
  readonly promise: Promise<never>;
  /** Aborts when the time is up or the caller's signal aborts. */
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal | undefined;
  readonly #forwardAbort = () => this.#controller.abort(this.#callerSignal?.reason);
  #fired = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param ms - the limit in milliseconds.
   * @param callerSignal - the caller's signal, forwarded to {@link Deadline.signal}.
   */
  constructor(ms: number, callerSignal?: AbortSignal) {
    this.signal = this.#controller.signal;
    this.#callerSignal = callerSignal;
    callerSignal?.addEventListener('abort', this.#forwardAbort, { once: true });
    this.promise = new Promise<never>((_, reject) => {
      this.#timer = setTimeout(() => {
        this.#fired = true;
        reject(new Error('deadline'));
        this.#controller.abort();
      }, ms);
    });
    // Handled here so a deadline that fires with nobody racing it is not an unhandled rejection.
    this.promise.catch(() => {});
  }

  /** Whether the time ran out. */
  get fired(): boolean {
    return this.#fired;
  }

  /** Stops the timer and lets go of the caller's signal. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener('abort', this.#forwardAbort);
  }
}

/** Lets go of an attempt that timed out: its late response body is cancelled, its late errors ignored. */
export function abandon(pending: Promise<Response> | undefined, reading: Promise<string> | undefined): void {
  reading?.catch(() => {});
  pending?.then(
    (res) => {
      if (!reading) res.body?.cancel().catch(() => {});
    },
    () => {},
  );
}
