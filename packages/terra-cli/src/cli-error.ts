import { ExitCode } from './exit-codes.js';

/**
 * An error the CLI itself raises: it carries the exit code to leave with and a hint telling the user what to do.
 * Its message is printed as the one error line, so it never contains a credential.
 */
export class CliError extends Error {
  /** The process exit code this error maps to. */
  readonly exitCode: ExitCode;
  /** One sentence on how to fix it, printed after the message. */
  readonly hint: string | undefined;

  /**
   * @param message - what went wrong.
   * @param options - the exit code (default {@link ExitCode.Usage}), a hint and an optional cause.
   */
  constructor(message: string, options: { exitCode?: ExitCode; hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? ExitCode.Usage;
    this.hint = options.hint;
  }
}

/** A mistake on the command line (exit code 1). */
export class UsageError extends CliError {
  /** @param message - what was wrong; @param hint - what to type instead. */
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.Usage, hint });
    this.name = 'UsageError';
  }
}
