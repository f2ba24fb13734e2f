import { TerraApiError } from './terra-api-error.js';

/** HTTP 401. The `x-api-key` or `dev-id` header is missing or wrong. */
export class AuthenticationError extends TerraApiError {}
