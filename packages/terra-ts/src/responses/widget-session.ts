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
export class WidgetSession {
  /** Discriminant. */
  readonly kind = 'widget_session' as const;
  /** The wire body. */
  readonly json: WidgetSessionJson;
  /** The session id. */
  readonly session_id: string | undefined;
  /** The widget page to open. */
  readonly url: string | undefined;
  /** `success` or `error`. */
  readonly status: string | undefined;
  /** Seconds the session stays valid. */
  readonly expires_in: number | undefined;

  /** @param json - the wire body (kept by reference). */
  constructor(json: WidgetSessionJson) {
    this.json = json;
    this.session_id = json.session_id;
    this.url = json.url;
    this.status = json.status;
    this.expires_in = json.expires_in;
  }
}
