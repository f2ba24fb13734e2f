import { describe, expect, it } from 'vitest';
import { parseDay, personaOf } from '../../src/generators/index.js';
import { dayClockOf, localMidnight, wallMinuteOf } from '../../src/generators/world/local-time.js';
import { findUser } from './users.js';

const newYorker = personaOf(findUser('GARMIN', (p) => p.timeZone.name === 'America/New_York'));
const sydneysider = personaOf(findUser('GARMIN', (p) => p.timeZone.name === 'Australia/Sydney'));

/** The wall clock `HH:MM` at `elapsed` minutes after local midnight, as the zone's own offsets say. */
function wallAt(persona: typeof newYorker, day: string, elapsed: number): string {
  const at = localMidnight(persona, parseDay(day)) + elapsed * 60;
  const local = new Date((at + persona.timeZone.offsetAt(at) * 60) * 1000);
  return local.toISOString().slice(11, 16);
}

/** `HH:MM` of a wall-clock minute of day. */
function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

describe('the wall clock of a local day', () => {
  it('reads the elapsed minutes on an ordinary day, even past midnight', () => {
    const clock = dayClockOf(newYorker, parseDay('2026-03-07'));
    for (const m of [0, 119, 120, 480, 1439, 1530]) expect(wallMinuteOf(clock, m)).toBe(m);
  });

  it('skips the hour that does not exist when the clocks spring forward', () => {
    for (const [persona, day] of [
      [newYorker, '2026-03-08'],
      [sydneysider, '2026-10-04'],
    ] as const) {
      const clock = dayClockOf(persona, parseDay(day));
      expect(wallMinuteOf(clock, 119)).toBe(119);
      expect(wallMinuteOf(clock, 120)).toBe(180);
      // The 08:00 commute is 7 hours of elapsed time after midnight on this day.
      expect(wallMinuteOf(clock, 420)).toBe(480);
      for (let m = 0; m < 1380; m += 7) expect(hhmm(wallMinuteOf(clock, m))).toBe(wallAt(persona, day, m));
    }
  });

  it('reads the repeated hour twice when the clocks fall back', () => {
    for (const [persona, day, repeated] of [
      [newYorker, '2026-11-01', 60],
      [sydneysider, '2026-04-05', 120],
    ] as const) {
      const clock = dayClockOf(persona, parseDay(day));
      expect(wallMinuteOf(clock, repeated + 30)).toBe(repeated + 30);
      expect(wallMinuteOf(clock, repeated + 90)).toBe(repeated + 30);
      // The 08:00 commute is 9 hours of elapsed time after midnight on this day.
      expect(wallMinuteOf(clock, 540)).toBe(480);
      for (let m = 0; m < 1500; m += 7) expect(hhmm(wallMinuteOf(clock, m))).toBe(wallAt(persona, day, m));
    }
  });
});
