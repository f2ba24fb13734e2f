import type { Sandbox } from 'terra-sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../src/output/text-width.js';
import { GARMIN_USER, sandboxArgs, startTestSandbox } from '../support/sandbox.js';
import { hasTmux, TerminalSession } from '../support/tmux.js';

// Locally tmux may be missing; CI installs it, and there a missing tmux must fail rather than skip.
const runTerminalTests = hasTmux() || process.env.CI !== undefined;

let sandbox: Sandbox;
const sessions: TerminalSession[] = [];
beforeAll(async () => {
  if (runTerminalTests) sandbox = await startTestSandbox();
});
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});
afterAll(() => sandbox?.close());

/** Runs `terra data <type> --chart` in a terminal `width` columns wide; returns the screen lines after the progress bar. */
async function chart(width: number, type: string, from: string, to?: string): Promise<string[]> {
  const range = to === undefined ? ['--from', from] : ['--from', from, '--to', to];
  const args = ['data', type, '--user', GARMIN_USER, ...range, '--chart', ...sandboxArgs(sandbox)];
  const session = new TerminalSession(args, {}, width);
  sessions.push(session);
  expect(await session.exitCode()).toBe(0);
  const lines = session.screen().split('\n');
  const end = lines.findIndex((line) => line.startsWith('[exit'));
  const shown = lines.slice(0, end).filter((line) => !/^\w+ [█░]+ \d+\/\d+/.test(line));
  // Nothing wraps: every line fits the terminal.
  for (const line of shown) expect(textWidth(line)).toBeLessThanOrEqual(width);
  return shown;
}

const ROW = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{2}-\d{2} │/;

describe.runIf(runTerminalTests)('charts on a terminal', { timeout: 180_000 }, () => {
  for (const width of [80, 160]) {
    it(`sleep --chart at ${width} columns: one row per night with date labels, naps marked, an hour axis`, async () => {
      const lines = await chart(width, 'sleep', '2024-01-01', '2024-01-12');
      expect(lines[0]).toBe("sleep by night (rows: wake-up date; wearer's local time)");
      expect(lines[1]).toBe('█ awake  ▆ REM  ▄ light  ▂ deep');
      const rows = lines.filter((line) => ROW.test(line));
      // 11 nights, woken up on 01-02 to 01-12, in order, each with its time asleep at the right edge.
      expect(rows.map((row) => row.slice(4, 9))).toEqual(
        Array.from({ length: 11 }, (_, i) => `01-${String(i + 2).padStart(2, '0')}`),
      );
      for (const row of rows) {
        expect(row).toMatch(/│ *[█▆▄▂][█▆▄▂ ·]*[█▆▄▂] +\d{1,2}h \d{2}m$/);
        expect(textWidth(row)).toBe(width);
      }
      // The hypnogram is compressed to the width: wider terminals draw more of it.
      const cells = (rows[0] ?? '')
        .replace(/^.*│/, '')
        .replace(/ +\d+h \d{2}m$/, '')
        .trim().length;
      expect(cells).toBeGreaterThan(width === 80 ? 30 : 80);
      // The 25-minute nap of 01-04 is its own row under that day, not mixed into the nights.
      const napRow = lines.findIndex((line) => /^ +nap │ 13:21–13:55, 0h \d{2}m asleep$/.test(line));
      expect(lines[napRow - 1]).toMatch(/^Thu 01-04 │/);
      expect(lines.at(-2)).toMatch(/^ {10}└─+$/);
      expect(lines.at(-1)).toMatch(/22:00 .*00:00 .*06:00/);
    });

    it(`daily --chart at ${width} columns: steps per day as bars on a labelled scale`, async () => {
      const lines = await chart(width, 'daily', '2024-01-01', '2024-01-12');
      expect(lines[0]).toMatch(/^steps per day \(scale 0 to [\d,]+\)$/);
      const rows = lines.filter((line) => ROW.test(line));
      expect(rows).toHaveLength(11);
      const totals = rows.map((row) => Number(/([\d,]+)$/.exec(row)?.[1]?.replaceAll(',', '')));
      const bars = rows.map((row) => (/│([█▉▊▋▌▍▎▏]*)/.exec(row)?.[1] ?? '').length);
      // One bar per day, as long as its total: the biggest day has the longest bar, and bars are day totals
      // (thousands of steps), not 15-minute buckets.
      expect(bars.indexOf(Math.max(...bars))).toBe(totals.indexOf(Math.max(...totals)));
      for (const total of totals) expect(total).toBeGreaterThan(1000);
      expect(lines.at(-2)).toMatch(/^ {10}└─+┬/);
      expect(lines.at(-1)).toMatch(/^ {10}0 +[\d,]+ /);
    });

    it(`activity --chart at ${width} columns: heart rate over each workout, with its clock times`, async () => {
      const lines = await chart(width, 'activity', '2024-01-01', '2024-01-04');
      const headings = lines.filter((line) =>
        /^\w{3} \d{2}-\d{2} \d{2}:\d{2}–\d{2}:\d{2} {2}.+ {2}bpm {2}min \d+ · max \d+$/.test(line),
      );
      expect(headings.map((line) => line.slice(0, 21))).toEqual([
        'Tue 01-02 18:09–18:35',
        'Wed 01-03 08:42–09:28',
        'Wed 01-03 17:37–18:45',
      ]);
      expect(lines.some((line) => line.startsWith('Tue 01-02 18:09–18:35  Evening Walk'))).toBe(true);
      // Four rows of bars per workout, and the axis under each names its start time.
      expect(lines.filter((line) => /^ *\d* │[▁▂▃▄▅▆▇█ ]*█/.test(line)).length).toBeGreaterThanOrEqual(3 * 3);
      expect(lines.filter((line) => /^ +18:09 +18:3\d$/.test(line))).toHaveLength(1);
    });
  }

  it('--from yesterday --chart draws the nights, days and workouts there are, or says clearly there are none', async () => {
    // Whether last night has ended yet depends on the hour the suite runs, so "none" is a right answer too,
    // as long as it says so in lines that fit the terminal (chart() checks the width).
    const none = (what: string) =>
      new RegExp(`^No ${what} between \\d{4}-\\d{2}-\\d{2} and \\d{4}-\\d{2}-\\d{2}[.:]`, 'm');
    const hint = /try a longer range, e\.g\. --from 7d\.$/im;
    const sleep = await chart(80, 'sleep', 'yesterday');
    if (!sleep.some((line) => ROW.test(line))) {
      expect(sleep.join('\n')).toMatch(none('sleep recorded'));
      expect(sleep.join('\n')).toMatch(hint);
    }
    const daily = await chart(80, 'daily', 'yesterday');
    expect(daily.filter((line) => ROW.test(line)).length).toBeGreaterThanOrEqual(1);
    const activity = (await chart(80, 'activity', 'yesterday')).join('\n');
    if (!/ {2}bpm {2}min \d+ · max \d+/.test(activity)) {
      expect(activity).toMatch(none('workouts'));
      expect(activity).toMatch(hint);
    }
  });
});
