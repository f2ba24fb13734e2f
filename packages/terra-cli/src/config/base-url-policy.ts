import { CliError, UsageError } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { CREDENTIAL_FLAGS, CREDENTIAL_VARIABLES, type Credentials } from './credentials.js';

/** The credentials the client sends to the base URL (as `x-api-key` and `dev-id` headers). */
const SENT_CREDENTIALS = ['apiKey', 'devId'] as const;

const NAMES = { apiKey: 'API key', devId: 'developer ID' } as const;

/** Host names that never leave the machine. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * Refuses a base URL named in a `.env` file when the API key or developer ID it would receive come from
 * somewhere else (the environment or a flag). A `.env` is often someone else's file (a cloned repository, a
 * shared folder): if it could redirect the host, any directory could collect the key exported in the shell.
 */
function checkSameOrigin(credentials: Credentials): void {
  if (credentials.sources.baseUrl !== '.env') return;
  for (const key of SENT_CREDENTIALS) {
    const source = credentials.sources[key];
    if (source === undefined || source === '.env') continue;
    const from = source === 'flag' ? CREDENTIAL_FLAGS[key] : `$${CREDENTIAL_VARIABLES[key]}`;
    throw new CliError(
      `${CREDENTIAL_VARIABLES.baseUrl} comes from a .env file but the ${NAMES[key]} from ${from}: ` +
        `the ${NAMES[key]} is sent only to a base URL set in the same place`,
      {
        exitCode: ExitCode.Authentication,
        hint: `put ${CREDENTIAL_VARIABLES.apiKey} and ${CREDENTIAL_VARIABLES.devId} in that .env too, or pass --base-url (or $${CREDENTIAL_VARIABLES.baseUrl}) yourself`,
      },
    );
  }
}

/** Refuses plain `http://` to anything but this machine unless `--allow-insecure-http` says so. */
function checkTransport(baseUrl: string, allowInsecureHttp: boolean): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(
      `--base-url "${baseUrl}" is not a URL`,
      'pass an absolute URL such as https://api.tryterra.co/v2',
    );
  }
  if (url.protocol !== 'http:' || isLoopback(url.hostname) || allowInsecureHttp) return;
  throw new UsageError(
    `--base-url ${url.origin} is plain http to another machine: the API key would cross the network unencrypted`,
    'use https://, or pass --allow-insecure-http if you mean it',
  );
}

/**
 * Checks that the credentials may be sent to the base URL they are paired with: a base URL from `.env` only with
 * credentials from that same file, and plain http only to loopback (or with `--allow-insecure-http`).
 *
 * @param credentials - the resolved credentials and where each came from.
 * @param allowInsecureHttp - `--allow-insecure-http`.
 */
export function checkBaseUrlPolicy(credentials: Credentials, allowInsecureHttp: boolean): void {
  if (credentials.baseUrl === undefined) return;
  checkSameOrigin(credentials);
  checkTransport(credentials.baseUrl, allowInsecureHttp);
}
