import { startSandbox } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';
import { CliArgsError, parseCliArgs } from '../src/cli-args.js';

describe('--lab-report-delay', () => {
  it('sets how long lab reports stay processing, 0 included', () => {
    expect(parseCliArgs(['--lab-report-delay', '0']).options.labReportDelayMs).toBe(0);
    expect(parseCliArgs(['--lab-report-delay', '1500']).options.labReportDelayMs).toBe(1500);
    expect(parseCliArgs([]).options).not.toHaveProperty('labReportDelayMs');
  });

  it('refuses a value that is not a whole number of milliseconds, naming the flag', () => {
    expect(() => parseCliArgs(['--lab-report-delay', '-1'])).toThrow(CliArgsError);
    expect(() => parseCliArgs(['--lab-report-delay', 'soon'])).toThrow(/--lab-report-delay/);
  });

  it('startSandbox refuses a negative or non-numeric labReportDelayMs before listening', async () => {
    await expect(startSandbox({ port: 0, labReportDelayMs: -5 })).rejects.toThrow(/labReportDelayMs/);
    await expect(startSandbox({ port: 0, labReportDelayMs: Number.NaN })).rejects.toThrow(/0 or more/);
  });
});
