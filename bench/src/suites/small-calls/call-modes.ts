import { runPool, runSequential } from '../../harness/pool.js';

/** One way of making the suite's calls: its key, its label in the tables and how a batch runs. */
export interface CallMode {
  readonly key: 'sequential' | 'inFlight';
  readonly label: string;
  readonly batch: (call: () => Promise<unknown>) => Promise<void>;
}

/** `calls` calls one after another, and `calls` calls with `inFlight` at once: the suite's two modes. */
export function callModes(calls: number, inFlight: number): readonly CallMode[] {
  return [
    {
      key: 'sequential',
      label: `${calls.toLocaleString('en-US')} sequential calls`,
      batch: (call) => runSequential(calls, call),
    },
    {
      key: 'inFlight',
      label: `${calls.toLocaleString('en-US')} calls, ${inFlight} in flight`,
      batch: (call) => runPool(calls, inFlight, call),
    },
  ];
}
