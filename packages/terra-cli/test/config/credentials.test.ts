import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli-error.js';
import { requireCredential, resolveCredentials } from '../../src/config/credentials.js';
import { ExitCode } from '../../src/exit-codes.js';

describe('resolveCredentials', () => {
  it('prefers flags, then the environment, then the .env file', () => {
    const credentials = resolveCredentials(
      { apiKey: 'flag-key' },
      { TERRA_API_KEY: 'env-key', TERRA_DEV_ID: 'env-dev' },
      { TERRA_API_KEY: 'file-key', TERRA_DEV_ID: 'file-dev', TERRA_WEBHOOK_SECRET: 'file-secret' },
    );
    expect(credentials).toMatchObject({ apiKey: 'flag-key', devId: 'env-dev', secret: 'file-secret' });
    expect(credentials.sources).toEqual({ apiKey: 'flag', devId: 'environment', secret: '.env' });
  });

  it('treats an empty variable as absent', () => {
    const credentials = resolveCredentials({}, { TERRA_API_KEY: '' }, { TERRA_API_KEY: 'file-key' });
    expect(credentials.apiKey).toBe('file-key');
  });
});

describe('requireCredential', () => {
  it('fails with the authentication exit code and every way to provide a missing key', () => {
    const error = (() => {
      try {
        requireCredential({ sources: {} }, 'apiKey');
      } catch (caught) {
        return caught;
      }
    })() as CliError;
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(ExitCode.Authentication);
    expect(error.hint).toContain('--api-key');
    expect(error.hint).toContain('TERRA_API_KEY');
  });
});
