import { wireView } from './wire-view.js';

/** Wire shape of `DELETE /auth/deauthenticateUser`. */
export interface UserDeauthRespJson {
  /** `success` or `error`. */
  status?: string;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** The user was deauthenticated: Terra deleted its records and revoked provider access. */
export class UserDeauthResp extends wireView<UserDeauthRespJson>()('user_deauth', ['status']) {}
