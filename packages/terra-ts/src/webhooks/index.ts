// The public surface of the webhook module.

export { createFetchWebhookHandler } from './adapters/fetch.js';
export type { WebhookHandlerOptions } from './adapters/handle-delivery.js';
export { createNodeWebhookHandler, type NodeResponseLike } from './adapters/node.js';
export type { WebhooksSource } from './adapters/receive.js';
export {
  type DedupeClaim,
  type DedupeResult,
  MemoryDedupeStore,
  type WebhookDedupeStore,
  WebhookDeduplicator,
  type WebhookDeduplicatorOptions,
  webhookDedupeKey,
} from './dedupe/dedupe.js';
export { DEFAULT_MAX_WEBHOOK_BODY_BYTES, DEFAULT_WEBHOOK_READ_TIMEOUT_MS } from './delivery/body-limit.js';
export {
  type DeliveryHeaders,
  getHeader,
  getSignatureHeader,
  type HeadersLike,
  readDeliveryHeaders,
} from './delivery/delivery-headers.js';
export type { NodeRequestLike } from './delivery/node-request.js';
export type { WebhookPayload } from './delivery/raw-payload.js';
export { TerraWebhookResponse } from './delivery/webhook-response.js';
export { dispatchWebhookEvent, type WebhookHandler, type WebhookHandlers } from './events/dispatcher.js';
export * from './events/index.js';
export { isTerraWebhookEvent, parseWebhookEvent } from './events/parse.js';
export {
  DEFAULT_S3_PAYLOAD_TIMEOUT_MS,
  type FetchS3PayloadOptions,
  fetchS3Payload,
  type S3PayloadClient,
} from './events/s3-payload.js';
export {
  MemoryLargeRequestStore,
  type MemoryLargeRequestStoreOptions,
} from './large-requests/memory-store.js';
export type {
  AddLargeRequestDeliveryOptions,
  LargeRequestState,
  LargeRequestStore,
} from './large-requests/store.js';
export {
  type LargeRequestProgress,
  LargeRequestTracker,
  type LargeRequestTrackerOptions,
} from './large-requests/tracker.js';
export { TerraWebhooks, type TerraWebhooksOptions } from './terra-webhooks.js';
export { type ParsedSignatureHeader, parseSignatureHeader } from './verification/signature-header.js';
export { DEFAULT_TOLERANCE_SECONDS } from './verification/tolerance.js';
export {
  SignatureVerifier,
  type SignatureVerifierOptions,
  type VerifiedDelivery,
} from './verification/verify.js';
