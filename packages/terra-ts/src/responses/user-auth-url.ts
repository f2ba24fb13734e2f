/** Wire shape of `POST /auth/authenticateUser`. */
export interface UserAuthUrlJson {
  /** `success` or `error`. */
  status?: string;
  /** The user id Terra reserved for this connection. */
  user_id?: string;
  /** Where to send the user to connect their provider. */
  auth_url?: string;
  /** Seconds the link stays valid, when Terra says. */
  expires_in?: number;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** A provider authentication link for one user. */
export class UserAuthUrl {
  /** Discriminant. */
  readonly kind = 'auth_url' as const;
  /** The wire body. */
  readonly json: UserAuthUrlJson;
  /** `success` or `error`. */
  readonly status: string | undefined;
  /** The user id Terra reserved. */
  readonly user_id: string | undefined;
  /** The link to open. */
  readonly auth_url: string | undefined;
  /** Seconds the link stays valid, when Terra says. */
  readonly expires_in: number | undefined;

  /** @param json - the wire body (kept by reference). */
  constructor(json: UserAuthUrlJson) {
    this.json = json;
    this.status = json.status;
    this.user_id = json.user_id;
    this.auth_url = json.auth_url;
    this.expires_in = json.expires_in;
  }
}
