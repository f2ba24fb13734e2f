import type { BodyFaults } from '../http/context.js';

/**
 * Fault modes that make the sandbox misbehave the way a real network or API can, so clients can
 * test their retries, timeouts and error handling. Every field is optional; several combine.
 */
export interface FaultSpec extends BodyFaults {
  /** Answer with this HTTP status (a problem+json body) instead of handling the request. */
  status?: number;
  /** Wait this many milliseconds before handling the request. */
  latencyMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Reject as if the request broke rate-limit rule r1 (window over 1,825 days). */
  r1?: boolean;
  /** Reject as if the user's hourly budget (rule r2) were spent. */
  r2?: boolean;
}

/** A global fault configuration: the modes, and optionally how many API requests they apply to. */
export interface FaultConfig extends FaultSpec {
  /** Apply to the next N API requests only, then switch off (so a client's retry can succeed). */
  times?: number;
}
