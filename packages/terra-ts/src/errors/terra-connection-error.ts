import { TerraError } from './terra-error.js';

/**
 * The request never produced an HTTP response: DNS failure, refused or reset connection, TLS error.
 *
 * Retried automatically (see `maxRetries`) before it reaches you. `cause` holds the runtime's own error.
 */
export class TerraConnectionError extends TerraError {}
