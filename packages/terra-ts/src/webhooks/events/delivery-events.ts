import type { S3PayloadEvent } from '../../models/index.js';
import { eventView } from './event-view.js';
import type { HealthcheckEventJson } from './legacy-wire.js';

/**
 * `s3_payload`: a data event too large to send inline (or a destination in ping mode). Download it
 * before `expires_in` seconds pass with `fetchS3Payload(event, { client: terra })`, which parses it as the data event it stands for.
 */
export class S3PayloadHookResponse extends eventView<S3PayloadEvent>()('s3_payload', ['url', 'expires_in']) {}

/** `healthcheck` (legacy): Terra's periodic report on deliveries to your endpoint. */
export class HealthcheckHookResponse extends eventView<HealthcheckEventJson>()('healthcheck', [
  'creation_timestamp',
  'trend_percentage',
  'sent_webhooks_last_hour',
]) {}
