/** How the sandbox's clock runs (option `clock` of `startSandbox`). */
export interface ClockOptions {
  /**
   * The instant the clock reads when the sandbox starts: a `Date`, epoch milliseconds, or an ISO 8601
   * date-time (`2026-03-04T06:00:00-05:00`). Default: the wall clock's now.
   */
  start?: Date | number | string;
  /**
   * Simulated milliseconds per real millisecond: 1 runs with the wall clock, 60 makes an hour pass
   * in a minute, 0 stops the clock so only `advance` moves it (tests). Default 1.
   */
  speed?: number;
}

/** Thrown for a clock option or an advance the clock cannot take; the message says what it expects. */
export class ClockOptionError extends RangeError {
  /** Always `'ClockOptionError'`. */
  override readonly name = 'ClockOptionError';
}

/** The fastest the clock may run: a year in about five real minutes. */
export const MAX_CLOCK_SPEED = 100_000;

/**
 * The sandbox's now. It starts at `start` and runs at `speed` times the wall clock, and `advance`
 * moves it forward at once. It never goes back, so nothing already served or sent can be from
 * the future of a later reading. With no options it reads exactly the wall clock.
 */
export class SimulatedClock {
  readonly speed: number;
  private readonly realNow: () => number;
  private readonly startMs: number;
  private readonly realStartMs: number;
  private advancedMs = 0;

  constructor(options: ClockOptions = {}, realNow: () => number = Date.now) {
    this.realNow = realNow;
    this.realStartMs = realNow();
    this.startMs = options.start === undefined ? this.realStartMs : startInstant(options.start);
    this.speed = clockSpeed(options.speed);
  }

  /** The simulated instant now, in epoch milliseconds (whole milliseconds). */
  now(): number {
    const ran = this.speed === 0 ? 0 : (this.realNow() - this.realStartMs) * this.speed;
    return Math.floor(this.startMs + ran + this.advancedMs);
  }

  /** Moves the clock forward by `ms` milliseconds (0 or more) at once. */
  advance(ms: number): void {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new ClockOptionError(
        `advance takes a number of milliseconds, 0 or more (the clock never goes back); got ${String(ms)}`,
      );
    }
    this.advancedMs += ms;
  }
}

function startInstant(value: Date | number | string): number {
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e11) {
    throw new ClockOptionError(
      `clock.start ${value} looks like unix seconds; pass epoch milliseconds (${value} * 1000) or an ISO 8601 date-time`,
    );
  }
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) ms = Date.parse(value);
  else ms = Number.NaN;
  if (!Number.isFinite(ms) || ms < Date.UTC(1900, 0, 1) || ms >= Date.UTC(2200, 0, 1)) {
    throw new ClockOptionError(
      `clock.start must be a Date, epoch milliseconds or an ISO 8601 date-time such as '2026-03-04T06:00:00-05:00', between 1900 and 2200; got ${JSON.stringify(value)}`,
    );
  }
  return Math.floor(ms);
}

function clockSpeed(value: number | undefined): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_CLOCK_SPEED) {
    throw new ClockOptionError(
      `clock.speed must be a number from 0 (stopped; only advance moves it) to ${MAX_CLOCK_SPEED}; got ${String(value)}`,
    );
  }
  return value;
}
