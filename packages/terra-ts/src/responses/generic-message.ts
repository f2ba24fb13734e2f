/** Wire shape: any object with an optional `status` and `message`. */
export interface GenericMessageJson {
  /** e.g. `success`, `error`, `processing`. */
  status?: string;
  /** Terra's explanation. */
  message?: string;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** A body that is none of the known shapes (e.g. a large-request processing notice). Nothing is dropped: see `json`. */
export class GenericMessage {
  /** Discriminant. */
  readonly kind = 'generic_message' as const;
  /** The wire body. */
  readonly json: GenericMessageJson;
  /** The `status` field. */
  readonly status: string | undefined;
  /** The `message` field. */
  readonly message: string | undefined;

  /** @param json - the wire body (kept by reference). */
  constructor(json: GenericMessageJson) {
    this.json = json;
    this.status = json.status;
    this.message = json.message;
  }
}
