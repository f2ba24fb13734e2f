import { wireView } from './wire-view.js';

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
export class UserAuthUrl extends wireView<UserAuthUrlJson>()('auth_url', [
  'status',
  'user_id',
  'auth_url',
  'expires_in',
]) {}
