/**
 * A webhook whose `type` this version of terra-ts does not know (or whose body lacks the fields its type
 * requires). Nothing is dropped: `json` is the whole parsed body. Acknowledge it and log `type`.
 */
export class UnknownWebhookEvent {
  // Makes the class nominal, so `instanceof UnknownWebhookEvent` narrows other events away in TypeScript.
  declare private readonly unknownBrand: true;
  /** The wire `type`, or `''` when the body had none. */
  readonly type: string;
  /** The wire body, by reference. */
  readonly json: unknown;

  /** @param json - the parsed body (kept by reference). */
  constructor(json: unknown) {
    this.json = json;
    const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
    this.type = typeof type === 'string' ? type : '';
  }

  /** Serialises as the wire body. */
  toJSON(): unknown {
    return this.json;
  }
}
