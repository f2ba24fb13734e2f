import type { TerraApiErrorInit } from 'terra-ts';
import { NotFoundError, RateLimitError, TerraTimeoutError, WebhookVerificationError } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli-error.js';
import { describeError, formatErrorReport } from '../src/error-report.js';
import { ExitCode } from '../src/exit-codes.js';

const init = (status: number): TerraApiErrorInit => ({
  status,
  headers: new Headers(),
  body: { detail: 'x' },
  problem: undefined,
  request: 'GET /sleep',
});

describe('describeError', () => {
  it('maps each failure class to its exit code', () => {
    expect(describeError(new CliError('x', { exitCode: ExitCode.Authentication })).exitCode).toBe(2);
    expect(describeError(new WebhookVerificationError('signature_mismatch', 'no match')).exitCode).toBe(6);
    expect(describeError(new Error('boom')).exitCode).toBe(ExitCode.Usage);
  });

  it('explains rule r1 and r2 rate limits differently', () => {
    const r1 = describeError(new RateLimitError(init(429), 'r1', undefined));
    expect(r1.exitCode).toBe(ExitCode.RateLimited);
    expect(r1.hint).toContain('1,825 days');
    const r2 = describeError(new RateLimitError(init(429), 'r2', 1200));
    expect(r2.hint).toContain('retry in 1200 s');
  });

  it('maps not found and timeouts', () => {
    expect(describeError(new NotFoundError(init(404))).exitCode).toBe(ExitCode.NotFound);
    expect(describeError(new TerraTimeoutError('timed out', 1000)).exitCode).toBe(ExitCode.NetworkOrServer);
  });
});

describe('formatErrorReport', () => {
  it('prints one line with the hint, and the stack only with --debug', () => {
    const error = new CliError('bad\nthing', { hint: 'do this' });
    const report = describeError(error);
    expect(formatErrorReport(error, report, false)).toBe('error: bad thing (hint: do this)\n');
    expect(formatErrorReport(error, report, true)).toMatch(
      /^error: bad thing \(hint: do this\)\nCliError: bad/,
    );
  });
});
