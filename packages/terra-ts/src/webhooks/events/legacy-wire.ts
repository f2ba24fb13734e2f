import type { TerraUser } from '../../models/index.js';

// Wire shapes of events Terra still documents or has sent, but that the current schemas no longer list.

/** The pre-2026 failed-authentication shape: `type: 'auth'` with `status: 'error'`. */
export interface LegacyAuthErrorEventJson {
  type: 'auth';
  status: 'error';
  user?: TerraUser | null;
  provider?: string | null;
  message?: string | null;
  reason?: string | null;
  reference_id?: string | null;
  widget_session_id?: string | null;
}

/** A Google Fit user without a data source. */
export interface GoogleNoDataSourceEventJson {
  type: 'google_no_datasource';
  status?: string | null;
  user: TerraUser;
  message: string;
}

/** An asynchronous provider fetch is in progress. */
export interface ProcessingEventJson {
  type: 'processing';
  status?: string | null;
  user: TerraUser;
  message: string;
  retry_after_seconds: number;
}

/** An asynchronous request hit the provider's rate limit and will be retried. */
export interface RateLimitHitEventJson {
  type: 'rate_limit_hit';
  status?: string | null;
  user: TerraUser;
  message: string;
  start_date: string;
  end_date: string;
  retrying_at: string;
}

/** Terra's periodic delivery health report. */
export interface HealthcheckEventJson {
  type: 'healthcheck';
  status?: string | null;
  creation_timestamp: string;
  trend_percentage: number;
  sent_webhooks_last_hour: number;
}

/** The old name of a request being processed asynchronously. */
export interface RequestProcessingEventJson {
  type: 'request_processing';
  status?: string | null;
  user: TerraUser;
  message: string;
  reference?: string | null;
}

/** The old name of an asynchronous request having finished sending. */
export interface RequestCompletedEventJson {
  type: 'request_completed';
  status?: string | null;
  user: TerraUser;
  message: string;
  reference?: string | null;
}
