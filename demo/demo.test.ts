import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm start (the demo)', () => {
  it('connects a user through the widget, stores 30 days of webhooks in PGlite and prints a summary from SQL', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'demo/main.ts', '--once', '--port', '0'],
      {
        cwd: root,
        timeout: 120_000,
      },
    );
    expect(stdout).toMatch(
      /connected GARMIN user [0-9a-f-]{36} \(reference demo-user-1\); auth webhook verified/,
    );
    for (const type of ['activity', 'sleep', 'daily', 'body', 'nutrition']) {
      expect(stdout).toMatch(new RegExp(`${type}\\s+(one payload|\\d+ of \\d+ chunks) arrived`));
    }
    expect(stdout).toMatch(/refused with HTTP 401/);
    // The summary is read with SQL from the embedded PGlite store: every delivery processed, none dead, the forgery refused.
    expect(stdout).toMatch(/terra-store on embedded PGlite \(in memory\), schema version \d+/);
    expect(stdout).toMatch(
      /stored: \d+ records in [4-7] tables; (\d+) deliveries in the inbox, \1 processed, 0 dead letters; 1 refused/,
    );
    // About 30 of each: a night still under way, or a day not yet begun in the user's time zone, is not data yet.
    expect(stdout).toMatch(/sleep {6}(29|30|31) nights, \d+\.\d h asleep on average/);
    expect(stdout).toMatch(/daily {6}(29|30|31) days, [\d,]+ steps/);
  }, 150_000);
});
