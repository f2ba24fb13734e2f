/**
 * terra-sandbox: a local Terra API for development and tests.
 * @packageDocumentation
 */

export { FaultParseError, parseFaults } from './faults/parse.js';
export type { FaultConfig, FaultSpec } from './faults/types.js';
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
export { TRIGGERABLE_EVENTS, type TriggerableEvent } from './webhooks/event-payloads.js';
