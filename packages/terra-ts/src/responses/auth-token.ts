/** Wire shape of `POST /auth/generateAuthToken`. */
export interface AuthTokenJson {
  /** `success`. */
  status?: string;
  /** The single-use token for the mobile SDKs' `initConnection()`. */
  token?: string;
  /** Seconds the token stays valid (180 in Terra's examples). */
  expires_in?: number;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** A short-lived token for connecting a user from the mobile SDKs. */
export class AuthToken {
  /** Discriminant. */
  readonly kind = 'auth_token' as const;
  /** The wire body. */
  readonly json: AuthTokenJson;
  /** `success`. */
  readonly status: string | undefined;
  /** The token. */
  readonly token: string | undefined;
  /** Seconds the token stays valid. */
  readonly expires_in: number | undefined;

  /** @param json - the wire body (kept by reference). */
  constructor(json: AuthTokenJson) {
    this.json = json;
    this.status = json.status;
    this.token = json.token;
    this.expires_in = json.expires_in;
  }
}
