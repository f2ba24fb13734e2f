/** What the parent asks the sandbox process for (passed as JSON in argv). */
export interface SandboxProcessRequest {
  readonly seed: number;
  /** How many users to pre-connect (each gets its own rate-limit budget). */
  readonly users: number;
  /** Latency added by the sandbox to every API request, in milliseconds. */
  readonly latencyMs?: number;
  /** Bodies to fetch once from the sandbox and then serve from memory (see fixture-server.ts). */
  readonly fixtures?: readonly FixtureRequest[];
}

/** A data response of at least `minBytes`, grown a few days at a time from `startDate`. */
export interface FixtureRequest {
  readonly name: string;
  readonly type: 'activity' | 'sleep' | 'body' | 'daily';
  readonly withSamples: boolean;
  readonly minBytes: number;
}

/** A fixture as served: its own base URL (any data path under it answers with the body). */
export interface FixtureInfo {
  readonly baseUrl: string;
  readonly bytes: number;
  readonly records: number;
  readonly userId: string;
  readonly startDate: string;
  readonly endDate: string;
}

/** The one line the sandbox process prints when it is ready. */
export interface SandboxProcessReady {
  readonly url: string;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly devId: string;
  readonly secret: string;
  readonly userIds: readonly string[];
  readonly fixtures: Readonly<Record<string, FixtureInfo>>;
}
