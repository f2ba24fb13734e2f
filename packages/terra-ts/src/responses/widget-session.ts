import { wireView } from './wire-view.js';

/** Wire shape of `POST /auth/generateWidgetSession`. */
export interface WidgetSessionJson {
  /** The session id. */
  session_id?: string;
  /** The widget page to open. */
  url?: string;
  /** `success` or `error`. */
  status?: string;
  /** Seconds the session stays valid (900 in Terra's examples). */
  expires_in?: number;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** A Terra Connect widget session. */
export class WidgetSession extends wireView<WidgetSessionJson>()('widget_session', [
  'session_id',
  'url',
  'status',
  'expires_in',
]) {}
