/**
 * The wire fields the webhook event classes show as their own, each documented once. A class's field has the
 * type its event's wire interface gives it (`PermissionChangeEvent['version']`, ...); this table only says
 * what the field means. Fields that become objects (`user` -> `User`) are declared by their classes.
 */
export interface WebhookEventFields {
  /** Terra's explanation, in words. */
  message: unknown;
  /** Payload version. */
  version: unknown;
  /** Comma-separated scopes newly granted. */
  scopes_added: unknown;
  /** Comma-separated scopes withdrawn. */
  scopes_removed: unknown;
  /** The widget session the user went through, when they used the widget. */
  widget_session_id: unknown;
  /** Identifier of the authentication flow. */
  flow_id: unknown;
  /** Why the authentication failed, e.g. `access_denied`. */
  reason: unknown;
  /** Your identifier for the user, given when the auth flow started. */
  reference_id: unknown;
  /**
   * The request's reference, shared by its chunks and also sent as the `terra-reference` header
   * (always present on large-request events; legacy events may omit it).
   */
  reference: unknown;
  /** How many data events will follow. */
  expected_payloads: unknown;
  /** Seconds until the data is expected. */
  retry_after_seconds: unknown;
  /** Start of the requested range. */
  start_date: unknown;
  /** End of the requested range. */
  end_date: unknown;
  /** When Terra retries. */
  retrying_at: unknown;
  /** The pre-signed download URL. */
  url: unknown;
  /** Seconds the URL stays valid after delivery. */
  expires_in: unknown;
  /** When the report was made. */
  creation_timestamp: unknown;
  /** Change in delivery volume, in percent. */
  trend_percentage: unknown;
  /** Deliveries made in the last hour. */
  sent_webhooks_last_hour: unknown;
  /** Stable across redeliveries of the same event: the de-duplication key. */
  event_id: unknown;
  /** RFC 3339 instant the event occurred. */
  occurred_at: unknown;
  /** Correlates the events of one upload, when present. */
  upload_id: unknown;
  /** The report (`lab_report.completed`) or the failure (`lab_report.failed`), by reference. */
  data: unknown;
}
