import { afterAll, beforeAll } from 'vitest';
import { type Receiver, startReceiver } from './receiver.js';
import { startTestSandbox, type TestSandbox } from './sandbox.js';
import { testSandboxHandle } from './use-test-sandbox.js';

/**
 * Registers the hooks of a test file that needs one sandbox delivering its webhooks to one receiver:
 * both started before the file's tests and closed after them. The returned handles read through to
 * the running pair, so they are only usable inside tests and hooks.
 */
export function useSandboxWithReceiver(): { t: TestSandbox; receiver: Receiver } {
  let t: TestSandbox | undefined;
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestSandbox({ webhookUrl: receiver.url });
  });
  afterAll(async () => {
    await t?.sandbox.close();
    await receiver?.close();
  });

  const running = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the ${name} is only available inside tests and hooks`);
    return value;
  };
  return {
    t: testSandboxHandle(() => running(t, 'sandbox')),
    receiver: {
      get url() {
        return running(receiver, 'receiver').url;
      },
      get received() {
        return running(receiver, 'receiver').received;
      },
      waitFor: (predicate, timeoutMs) => running(receiver, 'receiver').waitFor(predicate, timeoutMs),
      close: () => running(receiver, 'receiver').close(),
    },
  };
}
