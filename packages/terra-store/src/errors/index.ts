export { DatabaseUnavailableError } from './database-unavailable-error.js';
export { DatabaseUrlError } from './database-url-error.js';
export { SchemaTooNewError } from './schema-too-new-error.js';
export { TerraStoreError } from './store-error.js';
