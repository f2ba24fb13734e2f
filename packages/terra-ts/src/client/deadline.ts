/**
 * A per-attempt time limit, raced against each step of a request (headers, then body).
 *
 * Why not an `AbortSignal` on every `fetch`: undici's per-request signal handling costs more CPU than the rest
 * of terra-ts's per-call work combined, and small calls are a hot path. A signal is still passed when the caller
 * gives one (so their abort also cancels the connection); a timed-out attempt's connection is released as soon
 * as the server answers (its body is cancelled) or the runtime's own socket timeouts fire.
 */
export class Deadline {
  /** Rejects (with no value worth reading) when the time is up. */
  readonly promise: Promise<never>;
  #fired = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** @param ms - the limit in milliseconds. */
  constructor(ms: number) {
    this.promise = new Promise<never>((_, reject) => {
      this.#timer = setTimeout(() => {
        this.#fired = true;
        reject(new Error('deadline'));
      }, ms);
    });
    // Handled here so a deadline that fires with nobody racing it is not an unhandled rejection.
    this.promise.catch(() => {});
  }

  /** Whether the time ran out. */
  get fired(): boolean {
    return this.#fired;
  }

  /** Stops the timer. */
  clear(): void {
    clearTimeout(this.#timer);
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
