import { DAY_KEYED_TYPES } from '../data/record-key.js';
import type { DataType } from '../data/source.js';
import { generateActivity } from '../generators/activity/activity.js';
import { planWorkouts } from '../generators/activity/workout-plan.js';
import { generateAthlete } from '../generators/athlete.js';
import { dailyAsOf, type SimulatedDailyDay, simulateDailyDay } from '../generators/daily/daily.js';
import { GENERATORS } from '../generators/range.js';
import { generateSleep } from '../generators/sleep/sleep.js';
import { sleepPlansStartingOn } from '../generators/sleep/sleep-plans.js';
import { formatDay } from '../generators/world/calendar.js';
import type { GeneratorContext } from '../generators/world/context.js';
import { localDayOf, localMidnight } from '../generators/world/local-time.js';
import type { Persona } from '../generators/world/persona.js';

/**
 * The record types live mode sends. Each has a natural key within its user: `metadata.summary_id`
 * (activity, sleep), the local date of `metadata.start_time` (daily, body, nutrition, menstruation),
 * the user id (athlete).
 */
export type LiveRecordType = DataType | 'athlete';

/** One record as a sync uploads it. */
export interface SyncedRecord {
  readonly type: LiveRecordType;
  /**
   * The record's natural key within its user: `metadata.summary_id` for activity and sleep, the local
   * date (`YYYY-MM-DD`) of `metadata.start_time` for daily, body, nutrition and menstruation, and
   * the user id for athlete.
   */
  readonly key: string;
  /** The wire record (never copied or renamed afterwards). */
  readonly record: unknown;
  /** `JSON.stringify(record)`, computed once. */
  readonly json: string;
}

/**
 * What one user's device has uploaded so far in live mode, so each sync sends only what is new:
 * the athlete profile once, each workout and sleep once (after it ends), and a day's daily, body,
 * nutrition and menstruation whenever they hold more than the version sent last, until the first
 * sync after the day ended has sent it complete.
 */
export class UserSyncState {
  private athleteSent = false;
  /** Summary ids of the workouts and sleeps sent, with their local day (for pruning). */
  private readonly sessionsSent = new Map<string, number>();
  /** `<type>:<day>` -> JSON of the version sent last, for days that may still change. */
  private readonly lastSent = new Map<string, string>();
  private readonly complete = new Set<string>();
  private readonly simulatedDays = new Map<number, SimulatedDailyDay | undefined>();

  constructor(
    private readonly ctx: GeneratorContext,
    private readonly persona: Persona,
    private readonly withSamples: boolean,
  ) {}

  /** The records a sync at `atSeconds` (epoch seconds) uploads, none of them from after that instant. */
  sync(atSeconds: number): SyncedRecord[] {
    const nowMs = atSeconds * 1000;
    const today = localDayOf(this.persona, atSeconds);
    this.prune(today - 1);
    const out: SyncedRecord[] = [];
    if (!this.athleteSent) {
      this.athleteSent = true;
      out.push(synced('athlete', this.ctx.user.user_id, generateAthlete(this.ctx)));
    }
    for (const day of [today - 1, today]) this.sessions(day, atSeconds, nowMs, out);
    for (const type of DAY_KEYED_TYPES) {
      if (!this.serves(type)) continue;
      for (const day of [today - 1, today]) this.dayRecord(type, day, atSeconds, nowMs, out);
    }
    return out;
  }

  private serves(type: LiveRecordType): boolean {
    return (this.persona.profile.dataTypes as readonly string[]).includes(type);
  }

  /** Sleeps and workouts of a day that have ended and were not sent yet. */
  private sessions(day: number, atSeconds: number, nowMs: number, out: SyncedRecord[]): void {
    const dayText = formatDay(day);
    const opts = { withSamples: this.withSamples, now: nowMs };
    if (this.serves('sleep')) {
      const ended = sleepPlansStartingOn(this.ctx, this.persona, day).filter(
        (p) => p.endSeconds <= atSeconds && !this.sessionsSent.has(p.summaryId),
      );
      if (ended.length > 0) {
        const ids = new Set(ended.map((p) => p.summaryId));
        for (const record of generateSleep(this.ctx, dayText, opts)) {
          const id = record.metadata.summary_id;
          if (!id || !ids.has(id)) continue;
          this.sessionsSent.set(id, day);
          out.push(synced('sleep', id, record));
        }
      }
    }
    if (this.serves('activity')) {
      const ended = planWorkouts(this.ctx, this.persona, day).filter(
        (w) => w.startSeconds + w.durationSeconds <= atSeconds && !this.sessionsSent.has(w.summaryId),
      );
      if (ended.length > 0) {
        const ids = new Set(ended.map((w) => w.summaryId));
        for (const record of generateActivity(this.ctx, dayText, opts)) {
          const id = record.metadata.summary_id;
          if (!id || !ids.has(id)) continue;
          this.sessionsSent.set(id, day);
          out.push(synced('activity', id, record));
        }
      }
    }
  }

  /** A day-keyed record as it reads now, when it holds more than the version sent last. */
  private dayRecord(
    type: (typeof DAY_KEYED_TYPES)[number],
    day: number,
    atSeconds: number,
    nowMs: number,
    out: SyncedRecord[],
  ): void {
    const slot = `${type}:${day}`;
    if (this.complete.has(slot)) return;
    const records: unknown[] =
      type === 'daily'
        ? this.dailyOf(day, nowMs)
        : GENERATORS[type](this.ctx, formatDay(day), { withSamples: this.withSamples, now: nowMs });
    const [record] = records;
    if (record === undefined) return;
    if (atSeconds >= localMidnight(this.persona, day + 1)) this.complete.add(slot);
    const json = JSON.stringify(record);
    if (this.lastSent.get(slot) === json) return;
    this.lastSent.set(slot, json);
    out.push({ type, key: formatDay(day), record, json });
  }

  /** Today's daily from the day simulated once (the expensive part), read at `nowMs`. */
  private dailyOf(day: number, nowMs: number): unknown[] {
    if (!this.simulatedDays.has(day)) this.simulatedDays.set(day, simulateDailyDay(this.ctx, day));
    const simulated = this.simulatedDays.get(day);
    return simulated ? dailyAsOf(simulated, nowMs, this.withSamples) : [];
  }

  /** Forgets days before `firstDay`: they are complete and never looked at again. */
  private prune(firstDay: number): void {
    for (const day of this.simulatedDays.keys()) if (day < firstDay) this.simulatedDays.delete(day);
    for (const [id, day] of this.sessionsSent) if (day < firstDay - 1) this.sessionsSent.delete(id);
    for (const slot of [...this.lastSent.keys(), ...this.complete]) {
      if (Number(slot.slice(slot.indexOf(':') + 1)) < firstDay) {
        this.lastSent.delete(slot);
        this.complete.delete(slot);
      }
    }
  }
}

function synced(type: LiveRecordType, key: string, record: unknown): SyncedRecord {
  return { type, key, record, json: JSON.stringify(record) };
}
