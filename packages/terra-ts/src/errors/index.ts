export { LargeRequestStoreError, type LargeRequestStoreOperation } from './large-request-store-error.js';
export { RateLimitError } from './rate-limit-error.js';
export {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
} from './status-errors.js';
export { TerraAbortError } from './terra-abort-error.js';
export { TerraApiError, type TerraApiErrorInit, type TerraProblem } from './terra-api-error.js';
export { TerraConnectionError } from './terra-connection-error.js';
export { TerraError } from './terra-error.js';
export { TerraInvalidArgumentError } from './terra-invalid-argument-error.js';
export { TerraResponseParseError } from './terra-response-parse-error.js';
export { DEFAULT_MAX_RESPONSE_BYTES, TerraResponseTooLargeError } from './terra-response-too-large-error.js';
export { TerraTimeoutError } from './terra-timeout-error.js';
export { WebhookVerificationError, type WebhookVerificationReason } from './webhook-verification-error.js';
