import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const secret = 'whsec_VERIFY_TEST_SECRET';
const body = JSON.stringify({
  type: 'sleep',
  user: { user_id: 'u-1', provider: 'OURA' },
  data: [],
  version: '2022-03-16',
});

describe('terra webhooks verify', { timeout: 120_000 }, () => {
  it('accepts a valid delivery and summarises it', async () => {
    const header = await generateTestSignatureHeader({ payload: body, secret });
    const result = await runCli(['webhooks', 'verify', '--secret', secret, '--header', header], {
      input: body,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^valid\s+true$/m);
    expect(result.stdout).toMatch(/^type\s+sleep$/m);
    expect(result.stdout).toMatch(/^user id\s+u-1$/m);
  });

  it('accepts --signature and a pasted "terra-signature: ..." header line, and prints the payload with --json', async () => {
    const header = await generateTestSignatureHeader({ payload: body, secret });
    const result = await runCli(
      ['webhooks', 'verify', '--secret', secret, '--signature', `terra-signature: ${header}`, '--json'],
      {
        input: body,
      },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      valid: true,
      type: 'sleep',
      user_id: 'u-1',
      payload: JSON.parse(body),
    });
  });

  it('exits 6 with the reason when a byte of the body changed', async () => {
    const header = await generateTestSignatureHeader({ payload: body, secret });
    const result = await runCli(['webhooks', 'verify', '--secret', secret, '--header', header], {
      input: body.replace('OURA', 'OURB'),
    });
    expect(result.code).toBe(6);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: webhook verification failed \(signature_mismatch\)/);
  });

  it('exits 6 with the reason for a wrong secret, a stale timestamp and a malformed header', async () => {
    const header = await generateTestSignatureHeader({ payload: body, secret });
    const wrong = await runCli(['webhooks', 'verify', '--secret', 'whsec_OTHER_SECRET', '--header', header], {
      input: body,
    });
    expect(wrong.code).toBe(6);
    expect(wrong.stderr).toContain('signature_mismatch');
    const old = await generateTestSignatureHeader({
      payload: body,
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const stale = await runCli(['webhooks', 'verify', '--secret', secret, '--header', old], { input: body });
    expect(stale.code).toBe(6);
    expect(stale.stderr).toContain('timestamp_too_old');
    const widened = await runCli(
      ['webhooks', 'verify', '--secret', secret, '--header', old, '--tolerance', '7200'],
      { input: body },
    );
    expect(widened.code).toBe(0);
    const malformed = await runCli(['webhooks', 'verify', '--secret', secret, '--header', 'v1=abc'], {
      input: body,
    });
    expect(malformed.code).toBe(6);
    expect(malformed.stderr).toContain('malformed_header');
  });

  it('reads the payload from --file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'terra-cli-verify-'));
    writeFileSync(join(dir, 'payload.json'), body);
    const header = await generateTestSignatureHeader({ payload: body, secret });
    const result = await runCli(
      ['webhooks', 'verify', '--secret', secret, '--header', header, '--file', 'payload.json'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
  });

  it('exits 1 (usage) without a header, and never prints the secret', async () => {
    const result = await runCli(['webhooks', 'verify', '--secret', secret], { input: body });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no signature header given');
    expect(result.stdout + result.stderr).not.toContain(secret);
  });
});
