import { TerraApiError } from './terra-api-error.js';

/** HTTP 413. The upload is over Terra's limit (20 MB for lab reports). */
export class PayloadTooLargeError extends TerraApiError {}
