/**
 * `import { ... } from 'terra-ts'`: the client, the parsed responses and errors, webhook verification,
 * parsing and the framework adapters, and the typed models of every Terra schema.
 *
 * @module terra-ts
 */
export * from '../../../packages/terra-ts/src/index.js';
