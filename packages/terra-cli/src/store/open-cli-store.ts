import type { OpenStoreOptions, TerraStore } from 'terra-store';
import { CliError, UsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { Redactor } from '../output/redactor.js';
import { type DatabaseChoice, resolveDatabase } from './database-option.js';

/** The terra-store module, loaded on first use (most commands never need PGlite or the Postgres driver). */
export type StoreModule = typeof import('terra-store');

/** An open store and where it lives. */
export interface CliStore {
  readonly store: TerraStore;
  readonly database: DatabaseChoice;
  readonly lib: StoreModule;
}

const DATABASE_HINT =
  '--database (or TERRA_STORE_DATABASE) takes postgres://user:password@host:5432/database or a directory';

/** terra-store's errors in the CLI's terms: one line, a hint, the CLI's exit codes. */
export function storeErrorToCli(error: unknown, lib: StoreModule, database: DatabaseChoice): unknown {
  if (error instanceof lib.DatabaseUrlError) {
    const text = error.message.replace(/\.$/, '');
    return new UsageError(`--database: ${text.charAt(0).toLowerCase()}${text.slice(1)}`, DATABASE_HINT);
  }
  if (error instanceof lib.DatabaseUnavailableError) {
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
    return new CliError(`cannot connect to PostgreSQL at ${error.target}: ${cause}`, {
      exitCode: ExitCode.NetworkOrServer,
      hint: "check that the server is running and reachable, and the URL's user, password and database",
      cause: error,
    });
  }
  if (error instanceof lib.SchemaTooNewError) {
    return new CliError(
      `the database schema is at version ${error.databaseVersion}, newer than this terra knows (${error.codeVersion})`,
      { hint: 'upgrade terra-cli; migrations are forward-only', cause: error },
    );
  }
  if (!database.server && error instanceof Error && !(error instanceof CliError)) {
    return new CliError(`cannot open the embedded database at ${database.display}: ${error.message}`, {
      hint: 'check the directory is writable and not used by another terra store process',
      cause: error,
    });
  }
  return error;
}

/**
 * Opens the store `--database` names (applying migrations unless told otherwise) and closes it when the command
 * ends. Errors come out as {@link CliError}s; the password of a server URL is redacted everywhere.
 */
export async function openCliStore(
  context: CommandContext,
  redactor: Redactor,
  flag: string | undefined,
  options: Omit<OpenStoreOptions, 'database'> = {},
): Promise<CliStore> {
  const database = resolveDatabase(flag, context.io, redactor);
  const lib = await import('terra-store');
  let store: TerraStore;
  try {
    store = await lib.openStore({ ...options, database: database.value });
  } catch (error) {
    throw storeErrorToCli(error, lib, database);
  }
  context.defer(() => store.close());
  return { store, database, lib };
}
