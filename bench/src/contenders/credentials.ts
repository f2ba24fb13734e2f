/** What every contender needs to talk to the sandbox. */
export interface Credentials {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly devId: string;
}

/** The headers Terra requires, as a raw client would send them. */
export function authHeaders(credentials: Credentials): Record<string, string> {
  return { 'x-api-key': credentials.apiKey, 'dev-id': credentials.devId };
}

/** Just the credentials of a sandbox handle (clients get nothing else). */
export function credentialsOf(sandbox: Credentials): Credentials {
  return { baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, devId: sandbox.devId };
}
