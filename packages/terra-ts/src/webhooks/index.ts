// The public surface of the webhook module.
export { DEFAULT_MAX_WEBHOOK_BODY_BYTES, DEFAULT_WEBHOOK_READ_TIMEOUT_MS } from './adapters/body-limit.js';
export { createFetchWebhookHandler } from './adapters/fetch.js';
export type { WebhookHandlerOptions } from './adapters/handle-delivery.js';
export { createNodeWebhookHandler, type NodeResponseLike } from './adapters/node.js';
export type { NodeRequestLike } from './adapters/node-request.js';
export type { WebhooksSource } from './adapters/receive.js';
export {
  type DedupeClaim,
  type DedupeResult,
  MemoryDedupeStore,
  type WebhookDedupeStore,
  WebhookDeduplicator,
  type WebhookDeduplicatorOptions,
  webhookDedupeKey,
} from './dedupe.js';
export {
  type DeliveryHeaders,
  getHeader,
  getSignatureHeader,
  type HeadersLike,
  readDeliveryHeaders,
} from './delivery-headers.js';
export { dispatchWebhookEvent, type WebhookHandler, type WebhookHandlers } from './dispatcher.js';
export * from './events/index.js';
export type {
  AddLargeRequestDeliveryOptions,
  LargeRequestState,
  LargeRequestStore,
} from './large-request-store.js';
export {
  type LargeRequestProgress,
  LargeRequestTracker,
  type LargeRequestTrackerOptions,
} from './large-request-tracker.js';
export {
  MemoryLargeRequestStore,
  type MemoryLargeRequestStoreOptions,
} from './memory-large-request-store.js';
export { isTerraWebhookEvent, parseWebhookEvent } from './parse.js';
export type { WebhookPayload } from './raw-payload.js';
export {
  DEFAULT_S3_PAYLOAD_TIMEOUT_MS,
  type FetchS3PayloadOptions,
  fetchS3Payload,
  type S3PayloadClient,
} from './s3-payload.js';
export { type ParsedSignatureHeader, parseSignatureHeader } from './signature-header.js';
export { TerraWebhooks, type TerraWebhooksOptions } from './terra-webhooks.js';
export { DEFAULT_TOLERANCE_SECONDS } from './tolerance.js';
export { SignatureVerifier, type SignatureVerifierOptions, type VerifiedDelivery } from './verify.js';
export { TerraWebhookResponse } from './webhook-response.js';
