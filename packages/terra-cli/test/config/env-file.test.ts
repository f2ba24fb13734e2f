import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-error.js';
import { readEnvFile } from '../../src/config/env-file.js';

describe('readEnvFile', () => {
  it('reads KEY=value lines, with quotes and comments, from ./.env', () => {
    const dir = mkdtempSync(join(tmpdir(), 'terra-cli-env-'));
    writeFileSync(join(dir, '.env'), '# comment\nTERRA_API_KEY="quoted key"\nTERRA_DEV_ID=dev\n');
    expect(readEnvFile(dir, undefined)).toEqual({ TERRA_API_KEY: 'quoted key', TERRA_DEV_ID: 'dev' });
  });

  it('is empty when there is no default .env', () => {
    expect(readEnvFile(mkdtempSync(join(tmpdir(), 'terra-cli-env-')), undefined)).toEqual({});
  });

  it('fails when an explicitly named file is missing', () => {
    expect(() => readEnvFile(tmpdir(), 'does-not-exist.env')).toThrow(UsageError);
  });
});
