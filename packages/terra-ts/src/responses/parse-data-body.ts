import type { UserClient } from '../user.js';
import { AthleteReturned, type AthleteReturnedJson } from './athlete-returned.js';
import { DataReturned, type DataReturnedJson } from './data-returned.js';
import { GenericMessage } from './generic-message.js';
import { NoDataReturned, type NoDataReturnedJson } from './no-data-returned.js';
import { SentToWebhook, type SentToWebhookJson } from './sent-to-webhook.js';

/** What a data endpoint (`/sleep`, `/activity`, ...) can answer. */
export type DataResponse<T> = DataReturned<T> | NoDataReturned | SentToWebhook | GenericMessage;

/** What `/athlete` can answer. */
export type AthleteResponse = AthleteReturned | NoDataReturned | SentToWebhook | GenericMessage;

/**
 * Classifies a data-endpoint body by its shape, not by its `type` field: the `to_webhook` acknowledgement
 * also carries `type: 'sleep'`, and reading `type` first is how the old Python client mistook it for empty data.
 *
 * @param json - the parsed body (kept by reference).
 * @param client - binds users to a client.
 */
export function parseDataBody<T>(json: unknown, client?: UserClient): DataResponse<T> | AthleteReturned {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new TypeError('expected a JSON object');
  }
  const body = json as Record<string, unknown>;
  if (body.status === 'not_available') return new NoDataReturned(body as NoDataReturnedJson, client);
  const hasUser = typeof body.user === 'object' && body.user !== null;
  if (hasUser && Array.isArray(body.data)) return new DataReturned(body as DataReturnedJson<T>, client);
  if (hasUser && typeof body.athlete === 'object' && body.athlete !== null) {
    return new AthleteReturned(body as AthleteReturnedJson, client);
  }
  if (typeof body.reference === 'string' || typeof body.trace_id === 'string' || isBareAck(body)) {
    return new SentToWebhook(body as SentToWebhookJson);
  }
  return new GenericMessage(body);
}

// Older acknowledgements had no reference: `{ status: 'success', type: 'sleep', user }` and no data.
function isBareAck(body: Record<string, unknown>): boolean {
  return body.status === 'success' && typeof body.type === 'string' && !('data' in body);
}
