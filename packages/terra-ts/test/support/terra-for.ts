import { Terra, type TerraOptions } from 'terra-ts';
import { TEST_API_KEY, TEST_DEV_ID, type TestServer } from './test-server.js';

/** A client pointed at a test server, with tiny backoff so retry tests are quick. */
export function terraFor(server: TestServer, options: TerraOptions = {}): Terra {
  return new Terra({
    apiKey: TEST_API_KEY,
    devId: TEST_DEV_ID,
    baseUrl: server.baseUrl,
    retryBaseDelayMs: 1,
    maxRetryDelayMs: 5,
    ...options,
  });
}

/** A wire user. */
export function wireUser(user_id = 'user-1', provider = 'GARMIN') {
  return {
    user_id,
    provider,
    last_webhook_update: '2024-01-02T00:00:00+00:00',
    reference_id: 'ref-1',
    scopes: 'sleep,activity',
    active: true,
    created_at: '2023-01-01T00:00:00+00:00',
  };
}
