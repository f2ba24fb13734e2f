import { UsageError } from '../cli-error.js';

/** How records are printed: a table or summary for people, JSON, NDJSON or CSV for programs. */
export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv';

/** The output flags shared by every command. */
export interface FormatFlags {
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
}

/**
 * Picks the output format from the flags. Without one the output is a table (or a summary for a single object),
 * which is also what a pipe gets: scripts should ask for a machine format explicitly.
 */
export function resolveFormat(flags: FormatFlags): OutputFormat {
  const chosen = (['json', 'ndjson', 'csv'] as const).filter((name) => flags[name] === true);
  if (chosen.length > 1) {
    throw new UsageError(
      `--${chosen.join(' and --')} cannot be combined`,
      'pick one output format: --json, --ndjson or --csv',
    );
  }
  return chosen[0] ?? 'table';
}
