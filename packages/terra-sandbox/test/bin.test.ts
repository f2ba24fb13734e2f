import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

interface Running {
  child: ChildProcess;
  output: string;
  url: string;
}

function run(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('users')) resolve({ child, output, url });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`terra-sandbox exited with ${code}: ${output}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

function runToEnd(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  return exited(child).then((code) => ({ code, output }));
}

const auth = { 'x-api-key': 'k', 'dev-id': 'd' };

describe('terra-sandbox command', () => {
  it('prints URLs and credentials, and keeps users across a restart with --data', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'terra-sandbox-bin-')), 'data.json');
    const args = ['--port', '0', '--api-key', 'k', '--dev-id', 'd', '--secret', 'shh', '--data', file];
    const first = await run(args);
    expect(first.output).toContain(`${first.url}/v2`);
    expect(first.output).toContain('x-api-key     k');
    expect(first.output).toContain('secret        shh');
    expect(first.output).toContain('a8f1c2d4-5b6e-4f70-8a91-0b2c3d4e5f01');
    const created = await fetch(`${first.url}/sandbox/api/users`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ provider: 'POLAR', reference_id: 'survivor' }),
    });
    const user = (await created.json()) as { user_id: string };
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);

    const second = await run(args);
    try {
      expect(second.output).toContain(user.user_id);
      const res = await fetch(`${second.url}/api/v2/userInfo?user_id=${user.user_id}`, { headers: auth });
      expect(res.status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  });

  it('exits 2 with a clear message for a bad option', async () => {
    const bad = await runToEnd(['--port', 'eighty']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--port must be an integer');
    const fault = await runToEnd(['--fault', 'explode']);
    expect(fault.code).toBe(2);
    expect(fault.output).toContain('unknown fault');
  });

  it('prints usage for --help', async () => {
    const help = await runToEnd(['--help']);
    expect(help.code).toBe(0);
    expect(help.output).toContain('--webhook-url');
  });
});
