/**
 * A parsed class that shows wire fields as its own: a literal `kind`, the body as `json` (by reference) and each
 * listed field, read from `json` once. The fields' types and TSDoc are those of the wire interface `J`.
 */
export type WireView<J, Kind extends string, K extends keyof J> = {
  /** Discriminant. */
  readonly kind: Kind;
  /** The wire body. */
  readonly json: J;
} & Readonly<Pick<J, K>>;

/**
 * The base class of a parsed response described by its wire interface, its `kind` and the fields it shows:
 * `class AuthToken extends wireView<AuthTokenJson>()('auth_token', ['status', 'token', 'expires_in']) {}`.
 * Each field is written once (in the wire interface), and `instanceof` works on the subclass as on any class.
 */
export function wireView<J extends object>() {
  return <const Kind extends string, const K extends keyof J & string>(kind: Kind, fields: readonly K[]) => {
    class View {
      readonly kind: Kind = kind;
      readonly json: J;
      constructor(json: J) {
        this.json = json;
        // By reference, as every parsed class holds the wire data.
        for (const field of fields) (this as Record<string, unknown>)[field] = json[field];
      }
    }
    return View as unknown as new (
      json: J,
    ) => WireView<J, Kind, K>;
  };
}
