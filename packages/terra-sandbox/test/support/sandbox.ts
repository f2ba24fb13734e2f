import { type Sandbox, type SandboxOptions, startSandbox } from 'terra-sandbox';

/** A started sandbox with fetch helpers that send its credentials. */
export interface TestSandbox {
  sandbox: Sandbox;
  /** fetch relative to the origin, with x-api-key and dev-id unless `auth: false`. */
  call(path: string, init?: RequestInit & { auth?: boolean }): Promise<Response>;
  /** `call` then parse JSON, returning status, headers and body. */
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not types
  json<T = any>(
    path: string,
    init?: RequestInit & { auth?: boolean },
  ): Promise<{ status: number; headers: Headers; body: T }>;
}

/** Starts a sandbox on port 0 (retry base 20 ms so retry tests are quick). */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, webhookRetryBaseMs: 20, ...options });
  const call = (path: string, init: RequestInit & { auth?: boolean } = {}) => {
    const { auth = true, headers, ...rest } = init;
    const h = new Headers(headers);
    if (auth) {
      h.set('x-api-key', sandbox.apiKey);
      h.set('dev-id', sandbox.devId);
    }
    return fetch(`${sandbox.url}${path}`, { ...rest, headers: h });
  };
  return {
    sandbox,
    call,
    async json(path, init) {
      const res = await call(path, init);
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
    },
  };
}

/** The demo GARMIN user's id. */
export const GARMIN_USER = 'a8f1c2d4-5b6e-4f70-8a91-0b2c3d4e5f01';
