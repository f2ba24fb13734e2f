import { TerraApiError } from './terra-api-error.js';

/** HTTP 404. The user, workout or session does not exist (or was deauthenticated). */
export class NotFoundError extends TerraApiError {}
