import { createRandom } from '../generators/world/random.js';
import type { ChaosRates } from './options.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** One POST of a record version: when (simulated epoch ms) it goes out, and its place among ties. */
export interface PlannedSend {
  readonly releaseMs: number;
  /** Orders sends released at the same instant (0 keeps the order they were made in). */
  readonly tiebreak: number;
}

/**
 * When the versions of records are sent, with chaos or without. Without chaos a version goes out
 * once, the moment it is read (its ordering timestamp). With chaos each version may also be held
 * back (so later versions overtake it), sent twice, or sent again hours later with its original
 * ordering timestamp, and whole simulated hours may be held and released at once in shuffled
 * order. Every decision is drawn from (seed, version, instant), never from the order of calls, so
 * the same seed and the same clock give the same sends however the clock was advanced. A send is
 * never released before its version was read.
 */
export class ChaosPlanner {
  private readonly burstHours = new Map<number, boolean>();

  constructor(
    private readonly seed: number,
    private readonly rates: ChaosRates,
  ) {}

  /** The sends of a version read at `readMs`, identified by `versionId` (its trace id). */
  plan(versionId: string, readMs: number): PlannedSend[] {
    const { duplicates, reorder, lateRetries } = this.rates;
    if (duplicates === 0 && reorder === 0 && lateRetries === 0 && this.rates.bursts === 0) {
      return [{ releaseMs: readMs, tiebreak: 0 }];
    }
    const rng = createRandom(this.seed, 'live-chaos', versionId);
    let first = readMs;
    if (rng.chance(reorder)) first += Math.round(rng.between(MINUTE_MS, 3 * HOUR_MS));
    const times = [first];
    if (rng.chance(duplicates)) times.push(first + Math.round(rng.between(0, 30 * MINUTE_MS)));
    if (rng.chance(lateRetries)) times.push(readMs + Math.round(rng.between(3 * HOUR_MS, 12 * HOUR_MS)));
    return times.map((t) => this.inBurst(t, rng.next()));
  }

  /** A send falling in a burst hour is held to that hour's end, shuffled among the others held. */
  private inBurst(releaseMs: number, shuffle: number): PlannedSend {
    const hour = Math.floor(releaseMs / HOUR_MS);
    if (!this.isBurstHour(hour)) return { releaseMs, tiebreak: 0 };
    return { releaseMs: (hour + 1) * HOUR_MS - 1, tiebreak: shuffle };
  }

  private isBurstHour(hour: number): boolean {
    if (this.rates.bursts === 0) return false;
    let burst = this.burstHours.get(hour);
    if (burst === undefined) {
      burst = createRandom(this.seed, 'live-burst', String(hour)).chance(this.rates.bursts);
      if (this.burstHours.size > 10_000) this.burstHours.clear();
      this.burstHours.set(hour, burst);
    }
    return burst;
  }
}
