/** Wire shape of `DELETE /auth/deauthenticateUser`. */
export interface UserDeauthRespJson {
  /** `success` or `error`. */
  status?: string;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** The user was deauthenticated: Terra deleted its records and revoked provider access. */
export class UserDeauthResp {
  /** Discriminant. */
  readonly kind = 'user_deauth' as const;
  /** The wire body. */
  readonly json: UserDeauthRespJson;
  /** `success` or `error`. */
  readonly status: string | undefined;

  /** @param json - the wire body (kept by reference). */
  constructor(json: UserDeauthRespJson) {
    this.json = json;
    this.status = json.status;
  }
}
