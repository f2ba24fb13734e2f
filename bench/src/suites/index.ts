import type { BenchConfig } from '../config.js';
import type { SuiteResult } from '../harness/result.js';
import { backfillSuite } from './backfill.js';
import { coldStartSuite } from './cold-start.js';
import { fetchParseSuite } from './fetch-parse.js';
import { sandboxSuite } from './sandbox.js';
import { sizeSuite } from './size.js';
import { smallCallsSuite } from './small-calls.js';
import { storeSuite } from './store/index.js';
import { storeScaleSuite } from './store-scale/index.js';
import { webhookSuite } from './webhook.js';

/** A benchmark: one row of the table. */
export interface Suite {
  readonly id: string;
  readonly run: (config: BenchConfig) => Promise<SuiteResult>;
}

/** Every suite, in the order of the table. */
export const SUITES: readonly Suite[] = [
  { id: 'fetch-parse', run: fetchParseSuite },
  { id: 'small-calls', run: smallCallsSuite },
  { id: 'webhook', run: webhookSuite },
  { id: 'cold-start', run: coldStartSuite },
  { id: 'size', run: sizeSuite },
  { id: 'backfill', run: backfillSuite },
  { id: 'sandbox', run: sandboxSuite },
  { id: 'store', run: storeSuite },
  { id: 'store-scale', run: storeScaleSuite },
];
