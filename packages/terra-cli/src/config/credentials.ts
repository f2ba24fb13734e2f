import { CliError } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/** Credentials and endpoint given on the command line. */
export interface CredentialFlags {
  apiKey?: string;
  devId?: string;
  secret?: string;
  baseUrl?: string;
}

/** Where a credential came from, for hints ("from .env"). */
export type CredentialSource = 'flag' | 'environment' | '.env' | 'sandbox';

/** The credentials a command runs with, each with its source. */
export interface Credentials {
  apiKey?: string;
  devId?: string;
  secret?: string;
  baseUrl?: string;
  sources: Partial<Record<keyof CredentialFlags, CredentialSource>>;
}

/** The environment variable read for each credential. */
export const CREDENTIAL_VARIABLES = {
  apiKey: 'TERRA_API_KEY',
  devId: 'TERRA_DEV_ID',
  secret: 'TERRA_WEBHOOK_SECRET',
  baseUrl: 'TERRA_BASE_URL',
} as const satisfies Record<keyof CredentialFlags, string>;

/** The option that sets each credential, for messages. */
export const CREDENTIAL_FLAGS = {
  apiKey: '--api-key',
  devId: '--dev-id',
  secret: '--secret',
  baseUrl: '--base-url',
} as const satisfies Record<keyof CredentialFlags, string>;

/**
 * Resolves each credential from, in order: the flag, the process environment, then the `.env` file.
 * Empty values count as absent so `TERRA_API_KEY=` in a shell does not shadow the file.
 */
export function resolveCredentials(
  flags: CredentialFlags,
  env: Record<string, string | undefined>,
  envFile: Record<string, string>,
): Credentials {
  const credentials: Credentials = { sources: {} };
  for (const key of Object.keys(CREDENTIAL_VARIABLES) as Array<keyof CredentialFlags>) {
    const variable = CREDENTIAL_VARIABLES[key];
    const candidates: Array<[string | undefined, CredentialSource]> = [
      [flags[key], 'flag'],
      [env[variable], 'environment'],
      [envFile[variable], '.env'],
    ];
    const found = candidates.find(([value]) => value !== undefined && value.trim() !== '');
    if (found) {
      credentials[key] = found[0]?.trim();
      credentials.sources[key] = found[1];
    }
  }
  return credentials;
}

/**
 * Returns a credential or stops with exit code 2 and a hint naming every way to provide it.
 */
export function requireCredential(credentials: Credentials, key: 'apiKey' | 'devId' | 'secret'): string {
  const value = credentials[key];
  if (value !== undefined) return value;
  const names = { apiKey: 'API key', devId: 'developer ID', secret: 'webhook signing secret' } as const;
  throw new CliError(`no ${names[key]} given`, {
    exitCode: key === 'secret' ? ExitCode.Usage : ExitCode.Authentication,
    hint: `pass ${CREDENTIAL_FLAGS[key]}, set ${CREDENTIAL_VARIABLES[key]}, or put it in .env${key === 'secret' ? '' : ' (or try --sandbox)'}`,
  });
}
