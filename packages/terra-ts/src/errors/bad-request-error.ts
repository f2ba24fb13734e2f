import { TerraApiError } from './terra-api-error.js';

/** HTTP 400. The request was malformed (a missing or invalid parameter); the message says which. */
export class BadRequestError extends TerraApiError {}
