/**
 * `import { ... } from 'terra-ts/testing'`: signed test deliveries and example payloads of every event type,
 * for testing your webhook endpoint.
 *
 * @module terra-ts/testing
 */
export * from '../../../packages/terra-ts/src/testing/index.js';
