import { TerraApiError } from './terra-api-error.js';

/** HTTP 403. Your account may not do this (e.g. the Planned Workouts add-on is not enabled). */
export class PermissionDeniedError extends TerraApiError {}
