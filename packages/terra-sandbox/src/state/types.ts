/** A Terra user (a wearable connection) exactly as it appears on the wire. */
export interface TerraUser {
  user_id: string;
  provider: string;
  reference_id: string | null;
  created_at: string;
  last_webhook_update: string | null;
  scopes: string;
  active: boolean;
}

/** What it takes to create a user. */
export interface NewUser {
  provider: string;
  reference_id?: string | null;
  user_id?: string;
  scopes?: string;
}

/** A connect-flow session, created by generateWidgetSession (`kind: 'widget'`) or authenticateUser (`kind: 'auth_url'`). */
export interface ConnectSession {
  session_id: string;
  kind: 'widget' | 'auth_url';
  /** Providers the user may pick from (one for an auth_url session). */
  providers: string[];
  reference_id: string | null;
  auth_success_redirect_url: string | null;
  auth_failure_redirect_url: string | null;
  language: string | null;
  /** ISO timestamp after which the session no longer works. */
  expires_at: string;
  /** authenticateUser promises a user_id up front; the connect flow must create the user with it. */
  user_id: string | null;
}

/** State of one webhook delivery. */
export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed';

/** One attempt at delivering a webhook. */
export interface DeliveryAttempt {
  /** ISO time the attempt started. */
  at: string;
  /** HTTP status the receiver answered, when it answered. */
  status?: number;
  /** Why the attempt failed (non-2xx, timeout, connection error). */
  error?: string;
}

/** A webhook the sandbox has sent or is sending. Headers never include the signing secret. */
export interface Delivery {
  id: string;
  url: string;
  /** Wire `type` of the payload (`activity`, `auth`, `large_request_sending`, ...). */
  type: string;
  /** The exact JSON body delivered. */
  payload: string;
  /** Headers of the latest attempt (signature included; the secret never is). */
  headers: Record<string, string>;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  /** `X-Terra-Trace-Id`; chunks of a large request carry `<reference>:chunk:<n>`. */
  trace_id: string;
  /** `terra-reference`, shared by every payload of one data request. */
  reference: string;
  /** `x-terra-ordering-timestamp` in milliseconds. */
  ordering_timestamp: number;
  /** User the delivery is about, when there is one. */
  user_id: string | null;
  created_at: string;
  /** ISO time of the next scheduled attempt while retrying. */
  next_attempt_at: string | null;
}
