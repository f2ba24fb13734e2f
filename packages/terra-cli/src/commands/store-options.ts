import type { Command } from 'commander';

/** The option every `terra store` subcommand takes. */
export function addDatabaseOption(command: Command): Command {
  return command.option(
    '--database <url-or-dir>',
    'postgres://... or a directory (default: $TERRA_STORE_DATABASE, else ./.terra-store)',
  );
}

/** Options every `terra store` subcommand has. */
export interface StoreOptions {
  database?: string;
}
