import { describeRuntime } from './support/describe-runtime.js';

// The Node running Vitest, so the check covers whichever Node CI uses (>= 18).
describeRuntime('node', 'Node', { ok: true, path: process.execPath, version: process.version });
