import { expect, it } from 'vitest';
import type { FakeTerraApi } from './fake-terra-api.js';
import { fakeCredentials, unknownUserId } from './fake-terra-api.js';
import { terraUser } from './payloads.js';

/** The facts fixtures/scenario.mjs reports (a step that threw has `threw` instead). */
export type ScenarioResults = Record<string, unknown> & { runtime: string };

/**
 * Declares the same behaviour checks for every runtime. `results` is read lazily because the scenario
 * runs in `beforeAll`.
 */
export function scenarioChecks(
  runtime: string,
  results: () => ScenarioResults,
  api: () => FakeTerraApi,
): void {
  it('runs in the runtime under test and constructs Terra from options', () => {
    expect(results().runtime).toBe(runtime);
    expect(results().construct).toBe('ok');
  });

  it('lists providers over real HTTP into a ProvidersResponse', () => {
    expect(results().providers).toEqual({
      kind: 'providers',
      isProvidersResponse: true,
      providers: ['GARMIN', 'FITBIT', 'OURA'],
    });
    expect(api().requests.some((request) => request.path === '/v2/integrations')).toBe(true);
  });

  it('sends the credentials and parses a data call into DataReturned holding the wire objects', () => {
    expect(results().sleep).toEqual({
      kind: 'data_returned',
      isDataReturned: true,
      type: 'sleep',
      summaryIds: ['sleep-summary-1'],
      keepsWireObjects: true,
    });
    const sleepCall = api().requests.find(
      (request) => request.path === '/v2/sleep' && request.query.user_id === terraUser.user_id,
    );
    expect(sleepCall).toMatchObject({ apiKey: fakeCredentials.apiKey, devId: fakeCredentials.devId });
    expect(sleepCall?.query.to_webhook).toBe('false');
  });

  it('maps a 404 problem response to NotFoundError', () => {
    expect(results().notFound).toMatchObject({
      name: 'NotFoundError',
      isTerraError: true,
      isApiError: true,
      isNotFound: true,
      status: 404,
    });
    expect(api().requests.some((request) => request.query.user_id === unknownUserId)).toBe(true);
  });

  it('maps a 401 for a refused API key to AuthenticationError', () => {
    expect(results().unauthorized).toMatchObject({
      name: 'AuthenticationError',
      isTerraError: true,
      isApiError: true,
      isAuthentication: true,
      status: 401,
    });
  });

  it('verifies a signed webhook and parses the sleep event into DataReturned', () => {
    expect(results().webhook).toEqual({
      type: 'sleep',
      isDataReturned: true,
      summaryIds: ['sleep-summary-1'],
      userId: terraUser.user_id,
      keepsWireObjects: true,
    });
  });

  it("rejects a tampered body with WebhookVerificationError reason 'signature_mismatch'", () => {
    expect(results().tampered).toMatchObject({
      name: 'WebhookVerificationError',
      isTerraError: true,
      isVerificationError: true,
      reason: 'signature_mismatch',
    });
  });

  it('verifies the raw body given as a Uint8Array or an ArrayBuffer too', () => {
    expect(results().bytes).toEqual({ uint8Array: 'sleep', arrayBuffer: 'sleep' });
  });

  it("rejects a correctly signed delivery an hour old with reason 'timestamp_too_old'", () => {
    expect(results().stale).toMatchObject({
      name: 'WebhookVerificationError',
      isVerificationError: true,
      reason: 'timestamp_too_old',
    });
  });

  it('checkTerraSignature accepts the signed body and refuses a tampered one', () => {
    expect(results().signatures).toEqual({ good: true, tampered: false });
  });

  it('serves webhooks through the Fetch adapter: 200 good, 401 bad, 400 missing header, 405 GET', () => {
    expect(results().fetchAdapter).toEqual({
      statuses: { good: 200, auth: 200, bad: 401, missing: 400, get: 405 },
      allow: 'POST',
      seen: ['sleep:1', `auth:${terraUser.user_id}`],
    });
  });

  it("passes the webhooks module's portable self-test (golden vectors, both HMAC engines)", () => {
    expect(results().webhookSelfTest).toEqual(['auto: ok', 'webcrypto: ok', 'parse + fetch handler: ok']);
  });

  it('never puts the API key or the signing secret in any result or error', () => {
    expect(results().leaksApiKey).toBe(false);
    expect(results().leaksSecret).toBe(false);
  });
}
