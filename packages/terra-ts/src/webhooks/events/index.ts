import type { NoDataReturned } from '../../responses/no-data-returned.js';
import type { AuthCancelledHookResponse, AuthHookResponse } from './auth-events.js';
import type {
  AccessRevokedHookResponse,
  ConnectionErrorHookResponse,
  GoogleNoDataSourceHookResponse,
  PermissionChangeHookResponse,
  UserDeauthHookResponse,
  UserReauthHookResponse,
} from './connection-events.js';
import type { AthleteWebhookEvent, DataWebhookEvent } from './data-events.js';
import type { HealthcheckHookResponse, S3PayloadHookResponse } from './delivery-events.js';
import type { LabReportCompletedHookResponse, LabReportFailedHookResponse } from './lab-report-events.js';
import type {
  LargeRequestProcessingHookResponse,
  LargeRequestSendingHookResponse,
  ProcessingHookResponse,
  RateLimitHitHookResponse,
  RequestCompletedHookResponse,
  RequestProcessingHookResponse,
} from './request-events.js';
import type { UnknownWebhookEvent } from './unknown-event.js';

export * from './auth-events.js';
export * from './connection-events.js';
export * from './data-events.js';
export * from './delivery-events.js';
export type { WebhookEventFields } from './event-fields.js';
export type { EventFieldName, EventView } from './event-view.js';
export * from './hook-response.js';
export * from './lab-report-events.js';
export type * from './legacy-wire.js';
export * from './request-events.js';
export * from './unknown-event.js';

/** The parsed class of each webhook `type` (the legacy `auth` + `error` shape parses to `auth_cancelled`). */
export interface WebhookEventMap {
  auth: AuthHookResponse;
  auth_cancelled: AuthCancelledHookResponse;
  deauth: UserDeauthHookResponse;
  user_reauth: UserReauthHookResponse;
  access_revoked: AccessRevokedHookResponse;
  connection_error: ConnectionErrorHookResponse;
  permission_change: PermissionChangeHookResponse;
  google_no_datasource: GoogleNoDataSourceHookResponse;
  processing: ProcessingHookResponse;
  request_processing: RequestProcessingHookResponse;
  request_completed: RequestCompletedHookResponse;
  large_request_processing: LargeRequestProcessingHookResponse;
  large_request_sending: LargeRequestSendingHookResponse;
  rate_limit_hit: RateLimitHitHookResponse;
  healthcheck: HealthcheckHookResponse;
  s3_payload: S3PayloadHookResponse;
  'lab_report.completed': LabReportCompletedHookResponse;
  'lab_report.failed': LabReportFailedHookResponse;
  athlete: AthleteWebhookEvent;
  activity: DataWebhookEvent<'activity'>;
  body: DataWebhookEvent<'body'>;
  daily: DataWebhookEvent<'daily'>;
  menstruation: DataWebhookEvent<'menstruation'>;
  nutrition: DataWebhookEvent<'nutrition'>;
  sleep: DataWebhookEvent<'sleep'>;
  planned_workout: DataWebhookEvent<'planned_workout'>;
  hormone: DataWebhookEvent<'hormone'>;
  health_observation: DataWebhookEvent<'health_observation'>;
}

/** Every webhook `type` terra-ts parses to its own class. */
export type TerraWebhookEventType = keyof WebhookEventMap;

/**
 * Every typed webhook event, discriminated by its literal `type`: a `switch` narrows it and an
 * exhaustive `default: event satisfies never` compiles.
 */
export type TerraWebhookEvent = WebhookEventMap[TerraWebhookEventType];

/**
 * What parsing a webhook body can produce: a typed event, a {@link NoDataReturned} (`status:
 * 'not_available'`), or an {@link UnknownWebhookEvent} for a type this version does not know.
 * Narrow to {@link TerraWebhookEvent} with `isTerraWebhookEvent` before switching on `type`.
 */
export type ParsedWebhookEvent = TerraWebhookEvent | NoDataReturned | UnknownWebhookEvent;
