/**
 * Vitest setup file (root vitest.config.ts `setupFiles`): runs in every test worker, before every test
 * file, and fails any test during which a known fake credential shows up where a person or a log
 * collector would see it: the message, `toString()`, `JSON.stringify` or properties of any `TerraError`
 * created (thrown or not), or any console or stdout/stderr line of the worker.
 *
 * The watched credentials are the recognisable fakes the suite uses (the canaries, which are also put in
 * `TERRA_API_KEY`, `TERRA_DEV_ID` and `TERRA_WEBHOOK_SECRET` when unset, the client tests' key, the CLI
 * tests' key and secret, and the sandbox defaults).
 */
import { format } from 'node:util';
import { TerraError } from 'terra-ts';
import { afterEach } from 'vitest';
import { CANARY_API_KEY, CANARY_DEV_ID, CANARY_ROTATED_SECRET, CANARY_WEBHOOK_SECRET } from './canary.js';

const WATCHED = [
  CANARY_API_KEY,
  CANARY_WEBHOOK_SECRET,
  CANARY_ROTATED_SECRET,
  // packages/terra-ts/test/support/test-server.ts
  'tk_live_SECRET_9f8e7d6c5b4a',
  // packages/terra-cli/test/support/sandbox.ts
  'sk_test_FAKEKEY_9f8e7d6c',
  'whsec_FAKESECRET_5a4b3c2d',
  // terra-sandbox DEFAULTS
  'sandbox-api-key',
  'sandbox-signing-secret',
];

process.env.TERRA_API_KEY ??= CANARY_API_KEY;
process.env.TERRA_DEV_ID ??= CANARY_DEV_ID;
process.env.TERRA_WEBHOOK_SECRET ??= CANARY_WEBHOOK_SECRET;

const leaks: string[] = [];

function scan(where: string, text: string): void {
  for (const secret of WATCHED) {
    if (text.includes(secret)) leaks.push(`${where} contains ${secret.slice(0, 6)}…: ${text.slice(0, 160)}`);
  }
}

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) => {
        if (typeof item === 'bigint') return String(item);
        if (typeof item === 'object' && item !== null) {
          if (seen.has(item)) return undefined;
          seen.add(item);
          if (item instanceof Headers) return Object.fromEntries(item);
        }
        return item;
      }) ?? ''
    );
  } catch {
    return '';
  }
}

/** Every way an error is commonly shown or shipped: message, toString, JSON, own properties, causes. */
function inspectError(error: Error): void {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const name = current.constructor.name;
    scan(`${name}.message`, current.message);
    scan(`String(${name})`, String(current));
    scan(`JSON.stringify(${name})`, safeJson(current));
    scan(`${name} properties`, safeJson(Object.fromEntries(Object.entries(current))));
    current = current.cause;
  }
}

// TerraError's constructor assigns `this.name`: a setter on the prototype sees every instance, and the
// check waits a microtask so subclass fields (status, body, headers) are set by then.
Object.defineProperty(TerraError.prototype, 'name', {
  configurable: true,
  get() {
    return 'TerraError';
  },
  set(this: Error, value: string) {
    Object.defineProperty(this, 'name', { value, writable: true, configurable: true, enumerable: false });
    queueMicrotask(() => inspectError(this));
  },
});

for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    scan(`console.${method}`, format(...args));
    for (const arg of args) if (arg instanceof Error) inspectError(arg);
    original(...args);
  };
}

for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) scan('process output', String(chunk));
    return original(chunk, ...rest);
  }) as typeof stream.write;
}

afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (leaks.length === 0) return;
  const found = leaks.splice(0);
  throw new Error(`A fake credential leaked during this test:\n${found.join('\n')}`);
});
