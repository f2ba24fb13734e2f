import { TerraApiError } from './terra-api-error.js';

// The API errors that add nothing to TerraApiError but their HTTP status, one class each so `instanceof` picks the
// status. RateLimitError (429) carries its rule and Retry-After and has its own file.

/** HTTP 400. The request was malformed (a missing or invalid parameter); the message says which. */
export class BadRequestError extends TerraApiError {}

/** HTTP 401. The `x-api-key` or `dev-id` header is missing or wrong. */
export class AuthenticationError extends TerraApiError {}

/** HTTP 403. Your account may not do this (e.g. the Planned Workouts add-on is not enabled). */
export class PermissionDeniedError extends TerraApiError {}

/** HTTP 404. The user, workout or session does not exist (or was deauthenticated). */
export class NotFoundError extends TerraApiError {}

/** HTTP 413. The upload is over Terra's limit (20 MB for lab reports). */
export class PayloadTooLargeError extends TerraApiError {}

/** HTTP 500. Terra failed (any status >= 500). Retried automatically before it reaches you. */
export class InternalServerError extends TerraApiError {}
