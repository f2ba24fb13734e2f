import { wireView } from './wire-view.js';

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
export class AuthToken extends wireView<AuthTokenJson>()('auth_token', ['status', 'token', 'expires_in']) {}
