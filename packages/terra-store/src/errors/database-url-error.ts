import { TerraStoreError } from './store-error.js';

/** A `database` option that is not a usable `postgres://` URL or directory. Nothing was opened. */
export class DatabaseUrlError extends TerraStoreError {
  /** @param message - what is wrong with the value (the password is never included). */
  constructor(message: string) {
    super(message);
  }
}
