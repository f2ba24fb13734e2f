/**
 * Delivery chaos: how often live mode misbehaves the way a real webhook pipeline does. Each rate is
 * a share from 0 to 1; every decision is drawn from the sandbox seed, so the same seed and the same
 * clock give the same deliveries in the same order.
 */
export interface ChaosOptions {
  /** Share of deliveries sent twice, the copy up to 30 simulated minutes later. Default 0.1. */
  duplicates?: number;
  /** Share of deliveries held back up to 3 simulated hours, so later ones overtake them. Default 0.1. */
  reorder?: number;
  /**
   * Share of deliveries sent again 3 to 12 simulated hours later with their original (older)
   * ordering timestamp, usually after a newer version of the same record. Default 0.1.
   */
  lateRetries?: number;
  /**
   * Share of simulated hours whose deliveries (every user's) are held to the end of the hour and
   * then sent all at once in shuffled order, as after a provider outage. Default 0.05.
   */
  bursts?: number;
}

/** Live mode (option `live` of `startSandbox`): data webhooks as simulated time passes. */
export interface LiveOptions {
  /** Include sample arrays in the data sent (as Terra's webhooks do). Default true. */
  withSamples?: boolean;
  /** Delivery chaos; `true` for the default rates. Default off. */
  chaos?: boolean | ChaosOptions;
  /**
   * At most this many live deliveries waiting for their receiver at once; simulated syncs wait
   * for room (the clock does not), so a slow receiver never makes the sandbox hold a backlog. Default 256.
   */
  maxInFlight?: number;
}

/** Chaos rates in force (all zero when chaos is off). */
export type ChaosRates = Required<ChaosOptions>;

/** Live options with every default filled in. */
export interface ResolvedLiveOptions {
  readonly withSamples: boolean;
  readonly chaos: ChaosRates;
  readonly maxInFlight: number;
}

/** The default chaos rates (`chaos: true`, `--chaos`). */
export const DEFAULT_CHAOS: ChaosRates = Object.freeze({
  duplicates: 0.1,
  reorder: 0.1,
  lateRetries: 0.1,
  bursts: 0.05,
});

const NO_CHAOS: ChaosRates = Object.freeze({ duplicates: 0, reorder: 0, lateRetries: 0, bursts: 0 });

/** Thrown for a live or chaos option out of range; the message names it and what it takes. */
export class LiveOptionError extends RangeError {
  /** Always `'LiveOptionError'`. */
  override readonly name = 'LiveOptionError';
}

/** Checks live options and fills in the defaults. */
export function resolveLiveOptions(options: LiveOptions | true): ResolvedLiveOptions {
  const o: LiveOptions = options === true ? {} : options;
  if (typeof o !== 'object' || o === null) {
    throw new LiveOptionError(
      `live must be true or an object of live options; got ${JSON.stringify(options)}`,
    );
  }
  const withSamples = o.withSamples ?? true;
  if (typeof withSamples !== 'boolean') {
    throw new LiveOptionError(`live.withSamples must be true or false; got ${JSON.stringify(withSamples)}`);
  }
  const maxInFlight = o.maxInFlight ?? 256;
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1 || maxInFlight > 100_000) {
    throw new LiveOptionError(
      `live.maxInFlight must be an integer from 1 to 100000; got ${String(maxInFlight)}`,
    );
  }
  return { withSamples, chaos: resolveChaos(o.chaos), maxInFlight };
}

function resolveChaos(chaos: boolean | ChaosOptions | undefined): ChaosRates {
  if (chaos === undefined || chaos === false) return NO_CHAOS;
  if (chaos === true) return DEFAULT_CHAOS;
  if (typeof chaos !== 'object' || chaos === null) {
    throw new LiveOptionError(
      `live.chaos must be true, false or an object of rates; got ${JSON.stringify(chaos)}`,
    );
  }
  const rates = { ...DEFAULT_CHAOS };
  for (const [name, value] of Object.entries(chaos)) {
    if (!(name in DEFAULT_CHAOS)) {
      throw new LiveOptionError(
        `unknown chaos rate ${JSON.stringify(name)}; rates: ${Object.keys(DEFAULT_CHAOS).join(', ')}`,
      );
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new LiveOptionError(
        `chaos rate ${name} must be a share from 0 to 1; got ${JSON.stringify(value)}`,
      );
    }
    rates[name as keyof ChaosRates] = value;
  }
  return rates;
}

/**
 * Parses a chaos spec from the command line: `duplicates=0.2,reorder=0.1,lateRetries=0.1,bursts=0.05`
 * (any subset; the rest keep their defaults).
 */
export function parseChaosSpec(spec: string): ChaosOptions {
  const out: ChaosOptions = {};
  for (const part of spec.split(/[;,]/)) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const name = eq === -1 ? item : item.slice(0, eq).trim();
    const raw = eq === -1 ? '' : item.slice(eq + 1).trim();
    if (!(name in DEFAULT_CHAOS)) {
      throw new LiveOptionError(
        `unknown chaos rate ${JSON.stringify(name)}; write e.g. duplicates=0.2,reorder=0.1 (rates: ${Object.keys(DEFAULT_CHAOS).join(', ')})`,
      );
    }
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!(value >= 0 && value <= 1)) {
      throw new LiveOptionError(`chaos rate ${name} must be a share from 0 to 1; got ${JSON.stringify(raw)}`);
    }
    out[name as keyof ChaosOptions] = value;
  }
  return out;
}

/** Thrown when something only live mode keeps is asked for while it is off; says how to turn it on. */
export class LiveModeOffError extends Error {
  /** Always `'LiveModeOffError'`. */
  override readonly name = 'LiveModeOffError';

  constructor(what: string) {
    super(`${what} is kept only in live mode, which is off; start the sandbox with live: true (or --live)`);
  }
}
