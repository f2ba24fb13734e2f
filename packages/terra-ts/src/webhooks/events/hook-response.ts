/** The envelope every webhook body shares: a `type`, usually a `status`, and event-specific fields. */
export interface WebhookEventJson {
  /** The event type, e.g. `auth` or `sleep`. */
  type: string;
  /** `success`, `warning`, `error`, `processing`, ... when Terra sends one. */
  status?: string | null;
  [key: string]: unknown;
}

/**
 * Base of the parsed webhook notification classes. `json` is the very object `JSON.parse` produced;
 * every field a subclass exposes is a reference into it, never a copy.
 */
export abstract class HookResponse<J extends object> {
  /** The wire body, by reference. */
  readonly json: J;
  /** The wire `status` (`success`, `warning`, `error`, `processing`), or `null` when absent. */
  readonly status: string | null;

  /** @param json - the parsed body (kept by reference). */
  constructor(json: J) {
    this.json = json;
    const status = (json as { status?: unknown }).status;
    this.status = typeof status === 'string' ? status : null;
  }

  /** Serialises as the wire body. */
  toJSON(): J {
    return this.json;
  }
}
