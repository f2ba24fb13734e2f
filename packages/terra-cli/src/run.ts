import { CommanderError } from 'commander';
import type { App } from './app.js';
import { describeError, formatErrorReport } from './error-report.js';
import { ExitCode } from './exit-codes.js';
import { isDryRunStop } from './http/dry-run.js';
import type { CliIO } from './io.js';
import { Redactor } from './output/redactor.js';
import { createProgram } from './program.js';

/**
 * Runs the `terra` command line and resolves to the exit code; it never throws and never calls `process.exit`,
 * so it can be driven from tests and from other programs.
 *
 * @param argv - the arguments after the executable (`process.argv.slice(2)`).
 * @param io - the streams and environment to use.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const redactor = new Redactor();
  const app: App = { io, redactor };
  // Read before parsing: a parse failure must honour --debug too.
  const debug = argv.includes('--debug');
  try {
    await createProgram(app).parseAsync([...argv], { from: 'user' });
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return ExitCode.Ok;
    if (isDryRunStop(error)) return ExitCode.Ok;
    const report = describeError(error, app.command);
    // Commander already printed its own usage message; repeating it would double the line.
    if (!(error instanceof CommanderError)) {
      io.stderr.write(redactor.redact(formatErrorReport(error, report, debug)));
    }
    return report.exitCode;
  }
}
