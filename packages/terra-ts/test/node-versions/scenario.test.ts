import { describe, it } from 'vitest';
import { describeRuntime } from '../runtimes/support/describe-runtime.js';
import { binaryFor } from './node-versions.mjs';
import { assertInstalled, otherNodes } from './support/matrix.js';

// test/runtimes's scenario (REST calls over real HTTP, error classes, webhook verification and parsing,
// the Fetch adapter, the webhook self-test) against the built dist, on every other Node of the matrix.
// The running Node already runs it in test/runtimes/node.test.ts.
for (const node of otherNodes) {
  if (!binaryFor(node.version).installed) {
    describe(`terra-ts on Node ${node.version}`, () => {
      it('has its Node binary installed', () => assertInstalled(node));
    });
    continue;
  }
  describeRuntime('node', 'Node', { ok: true, path: node.path, version: node.version });
}
