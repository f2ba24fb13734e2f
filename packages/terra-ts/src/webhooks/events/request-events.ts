import type { LargeRequestProcessingEvent, LargeRequestSendingEvent } from '../../models/index.js';
import type { UserClient } from '../../user.js';
import type {
  ProcessingEventJson,
  RateLimitHitEventJson,
  RequestCompletedEventJson,
  RequestProcessingEventJson,
} from './legacy-wire.js';
import { UserNoticeHookResponse, type UserNoticeJson } from './user-notice.js';

// Progress notices about data requests Terra answers asynchronously.

abstract class ReferencedRequestHookResponse<
  J extends UserNoticeJson & { reference?: string | null },
> extends UserNoticeHookResponse<J> {
  /**
   * The request's reference, shared by its chunks and also sent as the `terra-reference` header
   * (always present on large-request events; legacy events may omit it).
   */
  readonly reference: J['reference'];

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: J, client?: UserClient) {
    super(json, client);
    this.reference = json.reference;
  }
}

/** `large_request_processing`: a request spanning more than a month is being assembled; chunks follow. */
export class LargeRequestProcessingHookResponse extends ReferencedRequestHookResponse<LargeRequestProcessingEvent> {
  /** Discriminant. */
  readonly type = 'large_request_processing' as const;
}

/** `large_request_sending`: announces how many data events (`expected_payloads`) a large request will deliver. */
export class LargeRequestSendingHookResponse extends ReferencedRequestHookResponse<LargeRequestSendingEvent> {
  /** Discriminant. */
  readonly type = 'large_request_sending' as const;
  /** How many data events will follow. */
  readonly expected_payloads: number;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: LargeRequestSendingEvent, client?: UserClient) {
    super(json, client);
    this.expected_payloads = json.expected_payloads;
  }
}

/** `processing` (legacy): the provider fetch is in progress; data follows after about `retry_after_seconds`. */
export class ProcessingHookResponse extends UserNoticeHookResponse<ProcessingEventJson> {
  /** Discriminant. */
  readonly type = 'processing' as const;
  /** Seconds until the data is expected. */
  readonly retry_after_seconds: number;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: ProcessingEventJson, client?: UserClient) {
    super(json, client);
    this.retry_after_seconds = json.retry_after_seconds;
  }
}

/** `rate_limit_hit` (legacy): an asynchronous request hit the provider's rate limit; Terra retries at `retrying_at`. */
export class RateLimitHitHookResponse extends UserNoticeHookResponse<RateLimitHitEventJson> {
  /** Discriminant. */
  readonly type = 'rate_limit_hit' as const;
  /** Start of the requested range. */
  readonly start_date: string;
  /** End of the requested range. */
  readonly end_date: string;
  /** When Terra retries. */
  readonly retrying_at: string;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: RateLimitHitEventJson, client?: UserClient) {
    super(json, client);
    this.start_date = json.start_date;
    this.end_date = json.end_date;
    this.retrying_at = json.retrying_at;
  }
}

/** `request_processing` (legacy name of a request being processed asynchronously). */
export class RequestProcessingHookResponse extends ReferencedRequestHookResponse<RequestProcessingEventJson> {
  /** Discriminant. */
  readonly type = 'request_processing' as const;
}

/** `request_completed` (legacy name of an asynchronous request having finished sending). */
export class RequestCompletedHookResponse extends ReferencedRequestHookResponse<RequestCompletedEventJson> {
  /** Discriminant. */
  readonly type = 'request_completed' as const;
}
