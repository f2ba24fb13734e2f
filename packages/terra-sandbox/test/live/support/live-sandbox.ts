import { type ChaosOptions, type Sandbox, startSandbox } from 'terra-sandbox';
import { afterEach } from 'vitest';
import { startVerifyingReceiver, type VerifyingReceiver } from './verifying-receiver.js';

/** Midnight UTC of 4 March 2026 (a Wednesday): where the live tests' clocks start unless told otherwise. */
export const START = Date.parse('2026-03-04T00:00:00Z');
/** An hour and a day in milliseconds. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The users of the live tests: a Garmin watch in one zone, a Fitbit in another. */
export const LIVE_USERS = [
  { provider: 'GARMIN', user_id: 'live-garmin-1' },
  { provider: 'FITBIT', user_id: 'live-fitbit-1' },
];

/** A live sandbox on a stopped clock, delivering to a receiver that verifies signatures with terra-ts. */
export interface LiveRig {
  sandbox: Sandbox;
  receiver: VerifyingReceiver;
}

const open: LiveRig[] = [];
afterEach(async () => {
  for (const rig of open.splice(0)) {
    await rig.sandbox.close();
    await rig.receiver.close();
  }
});

/** Starts a rig (closed after the test). */
export async function startLiveRig(
  options: {
    seed?: number;
    start?: number;
    chaos?: boolean | ChaosOptions;
    withSamples?: boolean;
    users?: Array<{ provider: string; user_id: string }>;
    answer?: (n: number) => number;
  } = {},
): Promise<LiveRig> {
  const secret = 'live-test-signing-secret';
  const receiver = await startVerifyingReceiver(secret, options.answer);
  const sandbox = await startSandbox({
    port: 0,
    secret,
    webhookUrl: receiver.url,
    webhookRetryBaseMs: 10,
    seed: options.seed ?? 7,
    users: options.users ?? LIVE_USERS,
    clock: { start: options.start ?? START, speed: 0 },
    live: { withSamples: options.withSamples ?? false, chaos: options.chaos ?? false },
  });
  const rig = { sandbox, receiver };
  open.push(rig);
  return rig;
}

/** Advances the clock in steps of `stepMs` up to `totalMs`, letting every delivery settle after each step. */
export async function advanceInSteps(sandbox: Sandbox, totalMs: number, stepMs: number, after?: () => void) {
  for (let done = 0; done < totalMs; done += stepMs) {
    await sandbox.clock.advance(Math.min(stepMs, totalMs - done));
    await sandbox.liveSettled(20_000);
    after?.();
  }
}
