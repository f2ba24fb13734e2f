import type { FetchS3PayloadOptions } from 'terra-ts';

/** Points in the life of an inbox row, reported to `onStage` (tests use them to crash on purpose). */
export type ProcessingStage = 'received' | 'claimed' | 'applied' | 'processed';

/** How inbox rows are processed. */
export interface ProcessingOptions {
  /** Attempts before a row becomes a dead letter (default 8). */
  maxAttempts?: number;
  /** First retry delay in ms, doubled per attempt (default 1000). */
  retryBaseMs?: number;
  /** Longest retry delay in ms (default 10 minutes). */
  retryMaxMs?: number;
  /** How long a claimed row stays with its worker before another may take it (default 60 s). */
  leaseMs?: number;
  /** How `s3_payload` links are downloaded (terra-ts's `fetchS3Payload` options: `fetch`, `client`). */
  s3?: FetchS3PayloadOptions;
  /**
   * @internal Called at each stage with the inbox row id; tests crash the process here. `applied` runs inside
   * the row's transaction, just before it commits.
   */
  onStage?: (stage: ProcessingStage, inboxId: number) => void | Promise<void>;
}

/** {@link ProcessingOptions} with defaults filled in. */
export interface ResolvedProcessing {
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly leaseMs: number;
  readonly s3: FetchS3PayloadOptions;
  readonly onStage: ((stage: ProcessingStage, inboxId: number) => void | Promise<void>) | undefined;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}

/** Fills in defaults and checks bounds. */
export function resolveProcessing(options: ProcessingOptions = {}): ResolvedProcessing {
  return {
    maxAttempts: Math.floor(positive(options.maxAttempts, 8, 'maxAttempts')),
    retryBaseMs: positive(options.retryBaseMs, 1000, 'retryBaseMs'),
    retryMaxMs: positive(options.retryMaxMs, 600_000, 'retryMaxMs'),
    leaseMs: Math.floor(positive(options.leaseMs, 60_000, 'leaseMs')),
    s3: options.s3 ?? {},
    onStage: options.onStage,
  };
}

/** The delay before the next attempt after `attempts` failed ones. */
export function retryDelayMs(options: ResolvedProcessing, attempts: number): number {
  return Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}
