import type { Sandbox } from 'terra-sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

function open(args: string[], width?: number): TerminalSession {
  const session = new TerminalSession([...args, ...sandboxArgs(sandbox)], {}, width);
  sessions.push(session);
  return session;
}

const exists = (userId: string) => sandbox.users().some((user) => user.user_id === userId);

describe.runIf(runTerminalTests)('on a terminal', { timeout: 120_000 }, () => {
  it('users deauth asks for confirmation and deauthenticates on "y"', async () => {
    const user = sandbox.createUser({ provider: 'WHOOP' });
    const session = open(['users', 'deauth', user.user_id]);
    await session.waitFor(/Deauthenticate user .* \[y\/N\]/);
    expect(exists(user.user_id)).toBe(true);
    session.sendKeys('y', 'Enter');
    expect(await session.exitCode()).toBe(0);
    expect(session.screen()).toMatch(/status\s+success/);
    expect(exists(user.user_id)).toBe(false);
  });

  it('users deauth does nothing when the answer is not yes', async () => {
    const user = sandbox.createUser({ provider: 'WHOOP' });
    const session = open(['users', 'deauth', user.user_id]);
    await session.waitFor(/\[y\/N\]/);
    session.sendKeys('n', 'Enter');
    expect(await session.exitCode()).toBe(1);
    expect(session.screen()).toContain('cancelled');
    expect(exists(user.user_id)).toBe(true);
  });

  // The charts themselves are checked at 80 and 160 columns in charts.test.ts.

  it('data shows a progress bar on the terminal that ends full, with the record count', async () => {
    const session = open([
      'data',
      'daily',
      '--user',
      GARMIN_USER,
      '--from',
      '2023-01-01',
      '--to',
      '2024-01-01',
      '--fields',
      'metadata.start_time',
    ]);
    expect(await session.exitCode()).toBe(0);
    expect(session.screen()).toMatch(/daily █{24} 13\/13 · 365 records/);
  });

  it('data streamed as NDJSON to the terminal is not torn by a progress bar', async () => {
    const session = open([
      'data',
      'daily',
      '--user',
      GARMIN_USER,
      '--from',
      '2023-11-01',
      '--to',
      '2024-01-01',
      '--ndjson',
      '--fields',
      'metadata.start_time',
    ]);
    expect(await session.exitCode()).toBe(0);
    const screen = session.screen();
    expect(screen).not.toContain('█');
    const records = screen.split('\n').filter((line) => line.startsWith('{'));
    expect(records).toHaveLength(61);
    for (const line of records) expect(JSON.parse(line)).toHaveProperty('metadata.start_time');
  });

  it('tables fit the terminal width, shrinking the widest columns', async () => {
    const session = open(
      ['data', 'activity', '--user', GARMIN_USER, '--from', '2024-01-01', '--to', '2024-01-08'],
      60,
    );
    expect(await session.exitCode()).toBe(0);
    const lines = session
      .screen()
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('[exit'));
    expect(lines[0]).toMatch(/^activity █+ 1\/1/);
    expect(lines[1]).toMatch(/^start/);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    expect(lines.some((line) => line.includes('…'))).toBe(true);
  });
});
