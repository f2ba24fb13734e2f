import { describeRuntime } from './support/describe-runtime.js';
import { findRuntime } from './support/runtime-binaries.js';

describeRuntime('deno', 'Deno', findRuntime('deno'));
