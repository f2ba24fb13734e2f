/**
 * The store comparison behind the dashboard's "Store" panel: what the sandbox delivered, per user and
 * data type, against what an injected {@link StoreView} holds.
 */
export { compareRecords, compareWithStore } from './compare.js';
export { type SentRecords, sentFromDeliveries, sentFromGroundTruth } from './sent-records.js';
export type { StoreComparison, StoreTypeComparison, StoreView } from './types.js';
