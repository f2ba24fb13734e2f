import type { SandboxOptions } from 'terra-sandbox';
import { afterAll, beforeAll } from 'vitest';
import { startTestSandbox, type TestSandbox } from './sandbox.js';

/** A `TestSandbox` that reads through to the one `get` returns, so a file can hold it before the sandbox starts. */
export function testSandboxHandle(get: () => TestSandbox): TestSandbox {
  return {
    get sandbox() {
      return get().sandbox;
    },
    call: (path, init) => get().call(path, init),
    json: (path, init) => get().json(path, init),
  };
}

/**
 * Registers the hooks of a test file that talks to one sandbox: started (see `startTestSandbox`) before
 * the file's tests and closed after them. The returned handle is only usable inside tests and hooks.
 */
export function useTestSandbox(options?: SandboxOptions): TestSandbox {
  let t: TestSandbox | undefined;
  beforeAll(async () => {
    t = await startTestSandbox(options);
  });
  afterAll(() => t?.sandbox.close());
  return testSandboxHandle(() => {
    if (!t) throw new Error('the sandbox is only available inside tests and hooks');
    return t;
  });
}
