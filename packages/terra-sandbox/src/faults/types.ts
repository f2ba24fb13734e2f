/**
 * Fault modes that make the sandbox misbehave the way a real network or API can, so clients can
 * test their retries, timeouts and error handling. Every field is optional; several combine.
 */
export interface FaultSpec {
  /** Answer with this HTTP status (a problem+json body) instead of handling the request. */
  status?: number;
  /** Wait this many milliseconds before handling the request. */
  latencyMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Send only the first half of the body (with a matching Content-Length). */
  truncate?: boolean;
  /** Replace the body with plain text that is not JSON. */
  nonJson?: boolean;
  /** Replace the body with an HTML error page, as a misconfigured proxy would. */
  html?: boolean;
  /** Reject as if the request broke rate-limit rule r1 (window over 1,825 days). */
  r1?: boolean;
  /** Reject as if the user's hourly budget (rule r2) were spent. */
  r2?: boolean;
  /** Trickle the body out over this many milliseconds. */
  slowBodyMs?: number;
}

/** A global fault configuration: the modes, and optionally how many API requests they apply to. */
export interface FaultConfig extends FaultSpec {
  /** Apply to the next N API requests only, then switch off (so a client's retry can succeed). */
  times?: number;
}
