import type { S3PayloadEvent } from '../../models/index.js';
import { HookResponse } from './hook-response.js';
import type { HealthcheckEventJson } from './legacy-wire.js';

/**
 * `s3_payload`: a data event too large to send inline (or a destination in ping mode). Download it
 * before `expires_in` seconds pass with `fetchS3Payload(event, { client: terra })`, which parses it as the data event it stands for.
 */
export class S3PayloadHookResponse extends HookResponse<S3PayloadEvent> {
  /** Discriminant. */
  readonly type = 's3_payload' as const;
  /** The pre-signed download URL. */
  readonly url: string;
  /** Seconds the URL stays valid after delivery. */
  readonly expires_in: number;

  /** @param json - the parsed body (kept by reference). */
  constructor(json: S3PayloadEvent) {
    super(json);
    this.url = json.url;
    this.expires_in = json.expires_in;
  }
}

/** `healthcheck` (legacy): Terra's periodic report on deliveries to your endpoint. */
export class HealthcheckHookResponse extends HookResponse<HealthcheckEventJson> {
  /** Discriminant. */
  readonly type = 'healthcheck' as const;
  /** When the report was made. */
  readonly creation_timestamp: string;
  /** Change in delivery volume, in percent. */
  readonly trend_percentage: number;
  /** Deliveries made in the last hour. */
  readonly sent_webhooks_last_hour: number;

  /** @param json - the parsed body (kept by reference). */
  constructor(json: HealthcheckEventJson) {
    super(json);
    this.creation_timestamp = json.creation_timestamp;
    this.trend_percentage = json.trend_percentage;
    this.sent_webhooks_last_hour = json.sent_webhooks_last_hour;
  }
}
