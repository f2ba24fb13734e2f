import { TerraApiError } from './terra-api-error.js';

/** HTTP 500. Terra failed (any status >= 500). Retried automatically before it reaches you. */
export class InternalServerError extends TerraApiError {}
