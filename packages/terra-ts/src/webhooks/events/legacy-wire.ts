import type { TerraUser } from '../../models/index.js';

// Wire shapes of events Terra still documents or has sent, but that the current schemas no longer list.

/** The pre-2026 failed-authentication shape: `type: 'auth'` with `status: 'error'`. */
export interface LegacyAuthErrorEventJson {
  /** The event type. */
  type: 'auth';
  /** Terra's status word. */
  status: 'error';
  /** The connection concerned. */
  user?: TerraUser | null;
  /** The provider the user tried to connect. */
  provider?: string | null;
  /** Terra's explanation. */
  message?: string | null;
  /** Why authentication failed. */
  reason?: string | null;
  /** Your identifier for the user. */
  reference_id?: string | null;
  /** The widget session used. */
  widget_session_id?: string | null;
}

/** A Google Fit user without a data source. */
export interface GoogleNoDataSourceEventJson {
  /** The event type. */
  type: 'google_no_datasource';
  /** Terra's status word. */
  status?: string | null;
  /** The connection concerned. */
  user: TerraUser;
  /** Terra's explanation. */
  message: string;
}

/** An asynchronous provider fetch is in progress. */
export interface ProcessingEventJson {
  /** The event type. */
  type: 'processing';
  /** Terra's status word. */
  status?: string | null;
  /** The connection concerned. */
  user: TerraUser;
  /** Terra's explanation. */
  message: string;
  /** Seconds until the data is expected. */
  retry_after_seconds: number;
}

/** An asynchronous request hit the provider's rate limit and will be retried. */
export interface RateLimitHitEventJson {
  /** The event type. */
  type: 'rate_limit_hit';
  /** Terra's status word. */
  status?: string | null;
  /** The connection concerned. */
  user: TerraUser;
  /** Terra's explanation. */
  message: string;
  /** Start of the requested range. */
  start_date: string;
  /** End of the requested range. */
  end_date: string;
  /** When Terra retries. */
  retrying_at: string;
}

/** Terra's periodic delivery health report. */
export interface HealthcheckEventJson {
  /** The event type. */
  type: 'healthcheck';
  /** Terra's status word. */
  status?: string | null;
  /** When the report was made. */
  creation_timestamp: string;
  /** Change in delivery volume, in percent. */
  trend_percentage: number;
  /** Deliveries in the last hour. */
  sent_webhooks_last_hour: number;
}

/** The old name of a request being processed asynchronously. */
export interface RequestProcessingEventJson {
  /** The event type. */
  type: 'request_processing';
  /** Terra's status word. */
  status?: string | null;
  /** The connection concerned. */
  user: TerraUser;
  /** Terra's explanation. */
  message: string;
  /** The request's reference. */
  reference?: string | null;
}

/** The old name of an asynchronous request having finished sending. */
export interface RequestCompletedEventJson {
  /** The event type. */
  type: 'request_completed';
  /** Terra's status word. */
  status?: string | null;
  /** The connection concerned. */
  user: TerraUser;
  /** Terra's explanation. */
  message: string;
  /** The request's reference. */
  reference?: string | null;
}
