import { examplePayloads } from 'terra-ts/testing';

/**
 * A sleep data event as chunk `n` of a large request: its own session (a summary_id of its own), so every
 * chunk's body differs, as Terra's do (each chunk covers another stretch of time). Deliveries are told apart
 * by the hash of their signed body, so chunks with byte-identical bodies would count as one.
 */
export function sleepChunk(reference: string, n: number): typeof examplePayloads.sleep {
  const [session] = examplePayloads.sleep.data;
  return {
    ...examplePayloads.sleep,
    data: [{ ...session, metadata: { ...session?.metadata, summary_id: `${reference}-chunk-${n}` } }],
  } as typeof examplePayloads.sleep;
}
