/** The sandbox's clock as `Sandbox.clock` shows it. */
export interface SandboxClock {
  /** The sandbox's now, in epoch milliseconds: data is served as of it, and live mode follows it. */
  now(): number;
  /** Simulated milliseconds per real millisecond (0: stopped, only {@link SandboxClock.advance} moves it). */
  readonly speed: number;
  /**
   * Moves the clock forward by `ms` milliseconds at once (it never goes back: a negative or
   * non-finite `ms` rejects with a `ClockOptionError`). In live mode it resolves once every sync up to
   * the new now has been read and every send due by then handed to the delivery queue; use
   * `Sandbox.liveSettled()` to wait for the receiver's answers too.
   */
  advance(ms: number): Promise<void>;
}
