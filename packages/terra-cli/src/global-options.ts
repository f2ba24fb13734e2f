import { type Command, InvalidArgumentError } from 'commander';

/** The options every command accepts (declared once on the root program). */
export interface GlobalOptions {
  apiKey?: string;
  devId?: string;
  secret?: string;
  baseUrl?: string;
  allowInsecureHttp?: boolean;
  dotenv?: string;
  sandbox?: boolean;
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  fields?: string;
  allowMissingFields?: boolean;
  dryRun?: boolean;
  showHeaders?: boolean;
  debug?: boolean;
  /** False with `--no-color`. */
  color?: boolean;
  timeout?: number;
}

/** Declares the global options on the root program; they may be given before or after the subcommand. */
export function addGlobalOptions(program: Command): Command {
  return program
    .option('--api-key <key>', 'Terra API key (default: $TERRA_API_KEY, then .env)')
    .option('--dev-id <id>', 'Terra developer ID (default: $TERRA_DEV_ID, then .env)')
    .option('--secret <secret>', 'webhook signing secret (default: $TERRA_WEBHOOK_SECRET, then .env)')
    .option('--base-url <url>', 'API base URL (default: $TERRA_BASE_URL, then https://api.tryterra.co/v2)')
    .option(
      '--allow-insecure-http',
      'allow a plain http:// base URL on another machine (loopback needs no flag)',
    )
    .option('--dotenv <path>', 'read credentials from this dotenv file (default: ./.env when present)')
    .option('--sandbox', 'run against a local terra-sandbox started for this command')
    .option('--json', 'print JSON')
    .option('--ndjson', 'print one JSON record per line, as records arrive')
    .option('--csv', 'print CSV with a header line')
    .option('--fields <list>', 'only these fields, comma-separated dotted paths (e.g. user_id,provider)')
    .option('--allow-missing-fields', 'print a --fields path no record has as empty instead of refusing it')
    .option('--dry-run', 'print the request that would be sent, and send nothing')
    .option('--show-headers', 'trace requests and responses with headers on stderr (credentials redacted)')
    .option('--timeout <seconds>', 'per-request timeout in seconds', parseSeconds)
    .option('--debug', 'print stack traces on errors')
    .option('--no-color', 'no colours (also: NO_COLOR=1)');
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError('expected a positive number of seconds, e.g. --timeout 30');
  }
  return seconds;
}
