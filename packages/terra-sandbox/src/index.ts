/**
 * terra-sandbox: a local Terra API for development and tests.
 * @packageDocumentation
 */

export { FaultParseError, parseFaults } from './faults/parse.js';
export type { FaultConfig, FaultSpec } from './faults/types.js';
export { ClockOptionError, type ClockOptions, MAX_CLOCK_SPEED } from './live/clock.js';
export type {
  AcknowledgedDelivery,
  DeliveryCounts,
  GroundTruth,
  GroundTruthOptions,
  GroundTruthRecord,
} from './live/ground-truth.js';
export {
  type ChaosOptions,
  type ChaosRates,
  DEFAULT_CHAOS,
  LiveModeOffError,
  LiveOptionError,
  type LiveOptions,
} from './live/options.js';
export type { SandboxClock } from './live/sandbox-clock.js';
export type { LiveRecordType } from './live/sync-contents.js';
export { DEFAULTS, DEMO_USERS, type InitialUser, type SandboxOptions } from './options.js';
export { type Sandbox, startSandbox } from './sandbox.js';
export { DataFileError } from './state/persistence.js';
export type {
  ConnectSession,
  Delivery,
  DeliveryAttempt,
  DeliveryStatus,
  NewUser,
  TerraUser,
} from './state/types.js';
export type { StoreComparison, StoreTypeComparison, StoreView } from './store-view/types.js';
export { TRIGGERABLE_EVENTS, type TriggerableEvent } from './webhooks/event-payloads.js';
