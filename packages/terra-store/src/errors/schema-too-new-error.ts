import { TerraStoreError } from './store-error.js';

/** The database was migrated by a newer terra-store than this one; running would risk writing in an old shape. */
export class SchemaTooNewError extends TerraStoreError {
  /** The schema version found in the database. */
  readonly databaseVersion: number;
  /** The newest schema version this code knows. */
  readonly codeVersion: number;
  /**
   * @param databaseVersion - found in `terra_schema_migrations`.
   * @param codeVersion - the newest migration shipped with this code.
   */
  constructor(databaseVersion: number, codeVersion: number) {
    super(
      `The database schema is at version ${databaseVersion}, newer than this terra-store knows (${codeVersion}). ` +
        'Upgrade terra-store to the version that migrated it; migrations are forward-only, so an older version refuses to run.',
    );
    this.databaseVersion = databaseVersion;
    this.codeVersion = codeVersion;
  }
}
