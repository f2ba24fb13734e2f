import { type Sandbox, type SandboxOptions, startSandbox } from 'terra-sandbox';

/** Credentials recognisable in any output, so a leak test can search for them. */
export const FAKE = {
  apiKey: 'sk_test_FAKEKEY_9f8e7d6c',
  devId: 'dev-FAKE-DEVID-1234',
  secret: 'whsec_FAKESECRET_5a4b3c2d',
} as const;

/** The demo GARMIN user every sandbox starts with. */
export const GARMIN_USER = 'a8f1c2d4-5b6e-4f70-8a91-0b2c3d4e5f01';

/** A sandbox on a free port with the {@link FAKE} credentials. */
export function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, ...FAKE, webhookRetryBaseMs: 50, ...options });
}

/** The credential flags that point the CLI at a sandbox. */
export function sandboxArgs(sandbox: Sandbox): string[] {
  return ['--base-url', sandbox.baseUrl, '--api-key', sandbox.apiKey, '--dev-id', sandbox.devId];
}

/** The same credentials as environment variables. */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  return {
    TERRA_BASE_URL: sandbox.baseUrl,
    TERRA_API_KEY: sandbox.apiKey,
    TERRA_DEV_ID: sandbox.devId,
    TERRA_WEBHOOK_SECRET: sandbox.secret,
  };
}
