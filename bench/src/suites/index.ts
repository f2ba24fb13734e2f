import type { BenchConfig } from '../config.js';
import type { SuiteResult } from '../harness/result.js';
import { fetchParseSuite } from './fetch-parse.js';
import { smallCallsSuite } from './small-calls.js';

/** A benchmark: one row of the table. */
export interface Suite {
  readonly id: string;
  readonly run: (config: BenchConfig) => Promise<SuiteResult>;
}

/** Every suite, in the order of the table. */
export const SUITES: readonly Suite[] = [
  { id: 'fetch-parse', run: fetchParseSuite },
  { id: 'small-calls', run: smallCallsSuite },
];
