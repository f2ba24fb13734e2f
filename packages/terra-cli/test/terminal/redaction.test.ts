import { afterEach, describe, expect, it } from 'vitest';
import { type EchoServer, startEchoServer } from '../support/echo-server.js';
import { FAKE } from '../support/sandbox.js';
import { hasTmux, TerminalSession } from '../support/tmux.js';

const runTerminalTests = hasTmux() || process.env.CI !== undefined;

const sessions: TerminalSession[] = [];
const servers: EchoServer[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) session.close();
  for (const server of servers.splice(0)) await server.close();
});

async function usersListOnTerminal(apiKey: string, before: string, after: string, width: number) {
  const server = await startEchoServer(before, after);
  servers.push(server);
  const args = ['users', 'list', '--base-url', server.baseUrl, '--api-key', apiKey, '--dev-id', FAKE.devId];
  const session = new TerminalSession(args, {}, width);
  sessions.push(session);
  expect(await session.exitCode()).toBe(0);
  return session.screen();
}

describe.runIf(runTerminalTests)('a key echoed into a table cell', { timeout: 120_000 }, () => {
  it('is redacted before the cell is cut to the terminal width: no half key on screen', async () => {
    // At 80 columns the reference_id column is cut in the middle of the key.
    const screen = await usersListOnTerminal(FAKE.apiKey, 'ref-', `-${'x'.repeat(60)}`, 80);
    expect(screen).toMatch(/ref-\[redact/);
    expect(screen).not.toContain(FAKE.apiKey.slice(0, 8));
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('is redacted however short the key is', async () => {
    const screen = await usersListOnTerminal('Qz7', 'ref-', '-end', 120);
    expect(screen).toContain('ref-[redacted]-end');
    expect(screen).not.toContain('Qz7');
  });
});
