import { isEmptyFault } from './parse.js';
import type { FaultConfig, FaultSpec } from './types.js';

/** The global fault configuration, with `times` counting down per API request. */
export class FaultState {
  private config: FaultConfig = {};
  private remaining: number | undefined;

  constructor(initial?: FaultConfig) {
    if (initial) this.set(initial);
  }

  /** Replaces the global faults (an empty object switches them off). */
  set(config: FaultConfig): void {
    this.config = { ...config };
    this.remaining = config.times;
  }

  /** The configuration in force, with `times` showing how many requests are left. */
  current(): FaultConfig {
    if (isEmptyFault(this.config)) return {};
    const out: FaultConfig = { ...this.config };
    if (this.remaining !== undefined) out.times = this.remaining;
    else delete out.times;
    return out;
  }

  /** The faults for the next API request, consuming one of `times`. */
  take(): FaultSpec | undefined {
    if (isEmptyFault(this.config)) return undefined;
    if (this.remaining !== undefined) {
      if (this.remaining <= 0) return undefined;
      this.remaining -= 1;
      if (this.remaining === 0) {
        const spent = this.config;
        this.config = {};
        this.remaining = undefined;
        return withoutTimes(spent);
      }
    }
    return withoutTimes(this.config);
  }
}

function withoutTimes(config: FaultConfig): FaultSpec {
  const { times: _times, ...spec } = config;
  return spec;
}
