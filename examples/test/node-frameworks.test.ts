import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningExample, startExample } from './support/example-process.js';
import {
  deliverTo,
  type ExampleSandbox,
  expectedLines,
  startExampleSandbox,
} from './support/example-sandbox.js';

// Each example runs as its own Node program (tsx, as a user would start it in development), importing
// 'terra-ts' by name, and receives real signed deliveries from the sandbox.
const examples = [
  { name: 'Express', file: 'examples/express/server.ts' },
  { name: 'Fastify', file: 'examples/fastify/server.ts' },
  { name: 'Hono on Node', file: 'examples/hono-node/server.ts' },
];

describe.each(examples)('the $name example', ({ file }) => {
  let example: ExampleSandbox;
  let running: RunningExample;

  beforeAll(async () => {
    example = await startExampleSandbox();
    running = await startExample(process.execPath, ['--import', 'tsx', file], {
      PORT: '0',
      TERRA_WEBHOOK_SECRET: example.sandbox.secret,
    });
  }, 90_000);

  afterAll(async () => {
    await running?.stop();
    await example?.close();
  });

  it('acknowledges the sandbox’s signed deliveries, runs its handlers and refuses a forged one', async () => {
    const outcome = await deliverTo(example, running.url);
    expect(outcome.deliveries).toEqual(
      expect.arrayContaining([
        { type: 'auth', status: 'delivered', answered: 200 },
        { type: 'sleep', status: 'delivered', answered: 200 },
      ]),
    );
    expect(outcome.forgedStatus).toBe(401);
    for (const line of expectedLines(example.userId, outcome.nights)) {
      await running.waitForLine((printed) => printed === line);
    }
  });
});
