import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm start (the demo)', () => {
  it('connects a user through the widget, backfills 30 days by webhook and prints a summary', async () => {
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
    // About 30 of each: a night still under way, or a day not yet begun in the user's time zone, is not data yet.
    expect(stdout).toMatch(/sleep {6}(29|30|31) nights, \d+\.\d h asleep on average/);
    expect(stdout).toMatch(/daily {6}(29|30|31) days, [\d,]+ steps/);
  }, 150_000);
});
