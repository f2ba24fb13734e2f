import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { readEnv } from './environment.js';

/** The two credentials every call but the public ones (`GET /integrations[/detailed]`) sends. */
export type CredentialName = 'apiKey' | 'devId';

const ENV_NAMES: Readonly<Record<CredentialName, string>> = {
  apiKey: 'TERRA_API_KEY',
  devId: 'TERRA_DEV_ID',
};

/** The API key and dev id a client holds, and which of them it lacks. */
export interface ResolvedCredentials {
  readonly apiKey: string | undefined;
  readonly devId: string | undefined;
  /** Empty when both are known; otherwise the client sends no credential and only public calls go out. */
  readonly missing: readonly CredentialName[];
}

/**
 * The API key and dev id from the options, else the environment. Credentials named in the options must
 * come as a pair (half a pair there is a mistake in code, so it fails now); a client given none in its
 * options and finding no pair in the environment is built anyway and calls only the public endpoints.
 *
 * @throws {@link TerraInvalidArgumentError} for a credential that is not a string or holds whitespace or a
 *   control character, and for half a pair when the options name either credential.
 */
export function resolveCredentials(options: { apiKey?: unknown; devId?: unknown }): ResolvedCredentials {
  const apiKey = credential(options.apiKey, 'apiKey');
  const devId = credential(options.devId, 'devId');
  const missing: CredentialName[] = [];
  if (apiKey === undefined) missing.push('apiKey');
  if (devId === undefined) missing.push('devId');
  const named = options.apiKey !== undefined || options.devId !== undefined;
  if (named && missing[0] !== undefined) {
    throw new TerraInvalidArgumentError(missing[0], noCredential(missing[0]));
  }
  return { apiKey, devId, missing };
}

/**
 * The error of a call that needs credentials on a client built without them.
 *
 * @param missing - the credentials the client lacks (at least one).
 * @param label - the call, e.g. `GET /subscriptions`.
 */
export function missingCredentialsError(
  missing: readonly CredentialName[],
  label: string,
): TerraInvalidArgumentError {
  const name = missing[0] ?? 'apiKey';
  return new TerraInvalidArgumentError(
    name,
    `${label} needs credentials. ${noCredential(name)}; only listProviders and listProvidersDetailed work without`,
  );
}

function noCredential(name: CredentialName): string {
  return `No Terra ${name}: pass new Terra({ ${name}: '...' }) or set the ${ENV_NAMES[name]} environment variable (find it in the Terra dashboard under API settings)`;
}

function credential(value: unknown, option: CredentialName): string | undefined {
  const envName = ENV_NAMES[option];
  if (value !== undefined && typeof value !== 'string') {
    throw new TerraInvalidArgumentError(option, `${option} must be a string; got a ${typeof value}`);
  }
  const resolved = value || readEnv(envName);
  if (!resolved || resolved.trim() === '') return undefined;
  // Sent as a header, it cannot carry a line break or control character; a stray newline from an env file
  // or secret store is the usual cause. The value itself is never shown.
  if (resolved.trim() !== resolved || hasControlCharacter(resolved)) {
    throw new TerraInvalidArgumentError(
      option,
      `The Terra ${option} has surrounding whitespace or a control character such as a line break (often a trailing newline from an env file or secret store); remove it from the ${option} option or ${envName}`,
    );
  }
  return resolved;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
