import { fakeCredentials, unknownUserId } from './fake-terra-api.js';
import { authPayload, sleepPayload, terraUser } from './payloads.js';
import { signingSecret, signTerraPayload } from './webhook-signature.js';

/** A raw webhook body and the header Terra would send with it. */
export interface SignedBody {
  body: string;
  header: string;
}

/** Everything fixtures/scenario.mjs needs, as JSON. */
export interface ScenarioInput {
  baseUrl: string;
  apiKey: string;
  /** A key the fake API refuses (401), which must not show up in the error either. */
  wrongApiKey: string;
  devId: string;
  secret: string;
  userId: string;
  unknownUserId: string;
  /** `staleHeader` signs the same body an hour ago, past the 300 s tolerance. */
  sleep: SignedBody & { tamperedBody: string; staleHeader: string };
  auth: SignedBody;
}

/** Signs fresh payloads (now) for a scenario talking to the fake API at `baseUrl`. */
export function buildScenarioInput(baseUrl: string): ScenarioInput {
  const sleepBody = JSON.stringify(sleepPayload);
  const authBody = JSON.stringify(authPayload);
  return {
    baseUrl,
    apiKey: fakeCredentials.apiKey,
    wrongApiKey: 'rt-revoked-api-key-77c2',
    devId: fakeCredentials.devId,
    secret: signingSecret,
    userId: terraUser.user_id,
    unknownUserId,
    sleep: {
      body: sleepBody,
      header: signTerraPayload(sleepBody),
      staleHeader: signTerraPayload(sleepBody, signingSecret, new Date(Date.now() - 3_600_000)),
      // One byte changed after signing, as a man in the middle would.
      tamperedBody: sleepBody.replace('26400', '26401'),
    },
    auth: { body: authBody, header: signTerraPayload(authBody) },
  };
}
