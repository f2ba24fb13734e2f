// Runs the portable webhook self-test against the built package: `node|bun run-from-dist.mjs`,
// `deno run --allow-read run-from-dist.mjs`. Build first with `npm run build -w terra-ts`.
import * as sdk from '../../../dist/index.js';
import * as testing from '../../../dist/testing.js';
import { runWebhookSelfTest } from './self-test.mjs';

try {
  for (const line of await runWebhookSelfTest({ sdk, testing })) console.log(line);
} catch (error) {
  console.error(error);
  globalThis.process?.exit?.(1);
  throw error;
}
