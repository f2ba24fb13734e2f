import type { Terra } from '../../client/terra.js';
import type { LargeRequestProcessingEvent, LargeRequestSendingEvent } from '../../models/index.js';
import { User } from '../../user.js';
import { HookResponse } from './hook-response.js';
import type {
  ProcessingEventJson,
  RateLimitHitEventJson,
  RequestCompletedEventJson,
  RequestProcessingEventJson,
} from './legacy-wire.js';

// Progress notices about data requests Terra answers asynchronously.

type RequestNotice = { user: LargeRequestSendingEvent['user']; message: string };

abstract class RequestNoticeHookResponse<J extends RequestNotice> extends HookResponse<J> {
  /** The user whose data was requested. */
  readonly user: User;
  /** Terra's explanation. */
  readonly message: string;

  constructor(json: J, client?: Terra) {
    super(json);
    this.user = new User(json.user, client);
    this.message = json.message;
  }
}

/** `large_request_processing`: a request spanning more than a month is being assembled; chunks follow. */
export class LargeRequestProcessingHookResponse extends RequestNoticeHookResponse<LargeRequestProcessingEvent> {
  /** Discriminant. */
  readonly type = 'large_request_processing' as const;
  /** Shared by this request's chunks (also sent as the `terra-reference` header). */
  readonly reference: string;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: LargeRequestProcessingEvent, client?: Terra) {
    super(json, client);
    this.reference = json.reference;
  }
}

/** `large_request_sending`: announces how many data events (`expected_payloads`) a large request will deliver. */
export class LargeRequestSendingHookResponse extends RequestNoticeHookResponse<LargeRequestSendingEvent> {
  /** Discriminant. */
  readonly type = 'large_request_sending' as const;
  /** Shared by this request's chunks (also sent as the `terra-reference` header). */
  readonly reference: string;
  /** How many data events will follow. */
  readonly expected_payloads: number;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: LargeRequestSendingEvent, client?: Terra) {
    super(json, client);
    this.reference = json.reference;
    this.expected_payloads = json.expected_payloads;
  }
}

/** `processing` (legacy): the provider fetch is in progress; data follows after about `retry_after_seconds`. */
export class ProcessingHookResponse extends RequestNoticeHookResponse<ProcessingEventJson> {
  /** Discriminant. */
  readonly type = 'processing' as const;
  /** Seconds until the data is expected. */
  readonly retry_after_seconds: number;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: ProcessingEventJson, client?: Terra) {
    super(json, client);
    this.retry_after_seconds = json.retry_after_seconds;
  }
}

/** `rate_limit_hit` (legacy): an asynchronous request hit the provider's rate limit; Terra retries at `retrying_at`. */
export class RateLimitHitHookResponse extends RequestNoticeHookResponse<RateLimitHitEventJson> {
  /** Discriminant. */
  readonly type = 'rate_limit_hit' as const;
  /** Start of the requested range. */
  readonly start_date: string;
  /** End of the requested range. */
  readonly end_date: string;
  /** When Terra retries. */
  readonly retrying_at: string;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: RateLimitHitEventJson, client?: Terra) {
    super(json, client);
    this.start_date = json.start_date;
    this.end_date = json.end_date;
    this.retrying_at = json.retrying_at;
  }
}

/** `request_processing` (legacy name of a request being processed asynchronously). */
export class RequestProcessingHookResponse extends RequestNoticeHookResponse<RequestProcessingEventJson> {
  /** Discriminant. */
  readonly type = 'request_processing' as const;
  /** The request's reference, when sent. */
  readonly reference: string | null | undefined;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: RequestProcessingEventJson, client?: Terra) {
    super(json, client);
    this.reference = json.reference;
  }
}

/** `request_completed` (legacy name of an asynchronous request having finished sending). */
export class RequestCompletedHookResponse extends RequestNoticeHookResponse<RequestCompletedEventJson> {
  /** Discriminant. */
  readonly type = 'request_completed' as const;
  /** The request's reference, when sent. */
  readonly reference: string | null | undefined;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: RequestCompletedEventJson, client?: Terra) {
    super(json, client);
    this.reference = json.reference;
  }
}
