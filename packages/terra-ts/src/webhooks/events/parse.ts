import { WebhookVerificationError } from '../../errors/webhook-verification-error.js';
import type {
  AccessRevokedEvent,
  AuthErrorEvent,
  AuthSuccessEvent,
  ConnectionErrorEvent,
  DeauthEvent,
  LabReportCompletedEvent,
  LabReportFailedEvent,
  LargeRequestProcessingEvent,
  LargeRequestSendingEvent,
  PermissionChangeEvent,
  S3PayloadEvent,
  UserReauthEvent,
} from '../../models/index.js';
import { AthleteReturned, type AthleteReturnedJson } from '../../responses/athlete-returned.js';
import { DataReturned, type DataReturnedJson } from '../../responses/data-returned.js';
import { NoDataReturned, type NoDataReturnedJson } from '../../responses/no-data-returned.js';
import type { UserClient } from '../../user.js';
import { AuthCancelledHookResponse, AuthHookResponse } from './auth-events.js';
import {
  AccessRevokedHookResponse,
  ConnectionErrorHookResponse,
  GoogleNoDataSourceHookResponse,
  PermissionChangeHookResponse,
  UserDeauthHookResponse,
  UserReauthHookResponse,
} from './connection-events.js';
import { DATA_EVENT_TYPES } from './data-events.js';
import { HealthcheckHookResponse, S3PayloadHookResponse } from './delivery-events.js';
import type { ParsedWebhookEvent, TerraWebhookEvent } from './index.js';
import { LabReportCompletedHookResponse, LabReportFailedHookResponse } from './lab-report-events.js';
import type {
  GoogleNoDataSourceEventJson,
  HealthcheckEventJson,
  LegacyAuthErrorEventJson,
  ProcessingEventJson,
  RateLimitHitEventJson,
  RequestCompletedEventJson,
  RequestProcessingEventJson,
} from './legacy-wire.js';
import {
  LargeRequestProcessingHookResponse,
  LargeRequestSendingHookResponse,
  ProcessingHookResponse,
  RateLimitHitHookResponse,
  RequestCompletedHookResponse,
  RequestProcessingHookResponse,
} from './request-events.js';
import { UnknownWebhookEvent } from './unknown-event.js';

type Body = Record<string, unknown>;
// Returns undefined when the body lacks a field its class dereferences; it then parses as unknown.
type Parser = (json: Body, client: UserClient | undefined) => TerraWebhookEvent | undefined;

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withUser<J>(build: (json: J, client: UserClient | undefined) => TerraWebhookEvent): Parser {
  return (json, client) => (isObject(json.user) ? build(json as J, client) : undefined);
}

function parseAuth(json: Body, client: UserClient | undefined): TerraWebhookEvent | undefined {
  if (json.status === 'error')
    return new AuthCancelledHookResponse(json as unknown as LegacyAuthErrorEventJson, client);
  return isObject(json.user) ? new AuthHookResponse(json as unknown as AuthSuccessEvent, client) : undefined;
}

function parseData(json: Body, client: UserClient | undefined): TerraWebhookEvent | undefined {
  if (!Array.isArray(json.data) || !isObject(json.user)) return undefined;
  return new DataReturned(json as DataReturnedJson<unknown>, client) as TerraWebhookEvent;
}

const parsers = new Map<string, Parser>([
  ['auth', parseAuth],
  [
    'auth_cancelled',
    (json, client) => new AuthCancelledHookResponse(json as unknown as AuthErrorEvent, client),
  ],
  ['deauth', withUser<DeauthEvent>((json, client) => new UserDeauthHookResponse(json, client))],
  [
    'access_revoked',
    withUser<AccessRevokedEvent>((json, client) => new AccessRevokedHookResponse(json, client)),
  ],
  [
    'connection_error',
    withUser<ConnectionErrorEvent>((json, client) => new ConnectionErrorHookResponse(json, client)),
  ],
  [
    'permission_change',
    withUser<PermissionChangeEvent>((json, client) => new PermissionChangeHookResponse(json, client)),
  ],
  [
    'google_no_datasource',
    withUser<GoogleNoDataSourceEventJson>((json, client) => new GoogleNoDataSourceHookResponse(json, client)),
  ],
  [
    'user_reauth',
    (json, client) =>
      isObject(json.new_user)
        ? new UserReauthHookResponse(json as unknown as UserReauthEvent, client)
        : undefined,
  ],
  ['processing', withUser<ProcessingEventJson>((json, client) => new ProcessingHookResponse(json, client))],
  [
    'request_processing',
    withUser<RequestProcessingEventJson>((json, client) => new RequestProcessingHookResponse(json, client)),
  ],
  [
    'request_completed',
    withUser<RequestCompletedEventJson>((json, client) => new RequestCompletedHookResponse(json, client)),
  ],
  [
    'large_request_processing',
    withUser<LargeRequestProcessingEvent>(
      (json, client) => new LargeRequestProcessingHookResponse(json, client),
    ),
  ],
  [
    'large_request_sending',
    withUser<LargeRequestSendingEvent>((json, client) => new LargeRequestSendingHookResponse(json, client)),
  ],
  [
    'rate_limit_hit',
    withUser<RateLimitHitEventJson>((json, client) => new RateLimitHitHookResponse(json, client)),
  ],
  ['healthcheck', (json) => new HealthcheckHookResponse(json as unknown as HealthcheckEventJson)],
  [
    's3_payload',
    (json) =>
      typeof json.url === 'string' ? new S3PayloadHookResponse(json as unknown as S3PayloadEvent) : undefined,
  ],
  [
    'lab_report.completed',
    (json) =>
      isObject(json.data)
        ? new LabReportCompletedHookResponse(json as unknown as LabReportCompletedEvent)
        : undefined,
  ],
  [
    'lab_report.failed',
    (json) =>
      isObject(json.data)
        ? new LabReportFailedHookResponse(json as unknown as LabReportFailedEvent)
        : undefined,
  ],
  [
    'athlete',
    (json, client) =>
      isObject(json.athlete) && isObject(json.user)
        ? (new AthleteReturned(json as AthleteReturnedJson, client) as TerraWebhookEvent)
        : undefined,
  ],
  ...DATA_EVENT_TYPES.map((type): [string, Parser] => [type, parseData]),
]);

/**
 * Turns a parsed webhook body into its class. Never throws: a body that is not an object, has an
 * unknown `type`, or lacks the fields its type needs becomes an {@link UnknownWebhookEvent} holding it all.
 *
 * @param json - the value `JSON.parse` returned (kept by reference, never copied).
 * @param client - binds the users in the event to a client, so `event.user.getSleep(...)` works.
 */
export function parseWebhookEvent(json: unknown, client?: UserClient): ParsedWebhookEvent {
  if (!isObject(json)) return new UnknownWebhookEvent(json);
  if (json.status === 'not_available' && !Array.isArray(json.data)) {
    return new NoDataReturned(json as unknown as NoDataReturnedJson, client);
  }
  const parser = typeof json.type === 'string' ? parsers.get(json.type) : undefined;
  return parser?.(json, client) ?? new UnknownWebhookEvent(json);
}

/** True for every event with its own class: the ones a `switch` on `type` can narrow. */
export function isTerraWebhookEvent(event: ParsedWebhookEvent): event is TerraWebhookEvent {
  return !(event instanceof UnknownWebhookEvent) && !(event instanceof NoDataReturned);
}

/**
 * Parses the verified body text as JSON, once.
 *
 * @throws {@link WebhookVerificationError} `malformed_payload` when it is not a JSON object.
 */
export function parseWebhookJson(text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WebhookVerificationError(
      'malformed_payload',
      'The webhook body is correctly signed but is not valid JSON; make sure the whole body was read before verifying.',
      { cause: error },
    );
  }
  if (!isObject(json)) {
    throw new WebhookVerificationError(
      'malformed_payload',
      'The webhook body is valid JSON but not a JSON object.',
    );
  }
  return json;
}
