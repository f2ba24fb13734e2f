import type { LargeRequestProcessingEvent, LargeRequestSendingEvent } from '../../models/index.js';
import { userEventView } from './event-view.js';
import type {
  ProcessingEventJson,
  RateLimitHitEventJson,
  RequestCompletedEventJson,
  RequestProcessingEventJson,
} from './legacy-wire.js';

// Progress notices about data requests Terra answers asynchronously.

/** `large_request_processing`: a request spanning more than a month is being assembled; chunks follow. */
export class LargeRequestProcessingHookResponse extends userEventView<LargeRequestProcessingEvent>()(
  'large_request_processing',
  ['message', 'reference'],
) {}

/** `large_request_sending`: announces how many data events (`expected_payloads`) a large request will deliver. */
export class LargeRequestSendingHookResponse extends userEventView<LargeRequestSendingEvent>()(
  'large_request_sending',
  ['message', 'reference', 'expected_payloads'],
) {}

/** `processing` (legacy): the provider fetch is in progress; data follows after about `retry_after_seconds`. */
export class ProcessingHookResponse extends userEventView<ProcessingEventJson>()('processing', [
  'message',
  'retry_after_seconds',
]) {}

/** `rate_limit_hit` (legacy): an asynchronous request hit the provider's rate limit; Terra retries at `retrying_at`. */
export class RateLimitHitHookResponse extends userEventView<RateLimitHitEventJson>()('rate_limit_hit', [
  'message',
  'start_date',
  'end_date',
  'retrying_at',
]) {}

/** `request_processing` (legacy name of a request being processed asynchronously). */
export class RequestProcessingHookResponse extends userEventView<RequestProcessingEventJson>()(
  'request_processing',
  ['message', 'reference'],
) {}

/** `request_completed` (legacy name of an asynchronous request having finished sending). */
export class RequestCompletedHookResponse extends userEventView<RequestCompletedEventJson>()(
  'request_completed',
  ['message', 'reference'],
) {}
