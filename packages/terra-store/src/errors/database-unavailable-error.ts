import { TerraStoreError } from './store-error.js';

/** The database could not be reached or refused the connection (server down, wrong port, auth, DNS). */
export class DatabaseUnavailableError extends TerraStoreError {
  /** Where we tried to connect (host:port/database, never the password). */
  readonly target: string;
  /**
   * @param target - host, port and database name.
   * @param cause - the driver's error.
   */
  constructor(target: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Could not connect to PostgreSQL at ${target}: ${reason}. Check that the server is running and reachable, and the URL's user, password and database.`,
      { cause },
    );
    this.target = target;
  }
}
