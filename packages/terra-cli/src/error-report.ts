import { CommanderError } from 'commander';
import {
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TerraApiError,
  TerraConnectionError,
  TerraInvalidArgumentError,
  TerraResponseParseError,
  TerraTimeoutError,
  WebhookVerificationError,
} from 'terra-ts';
import { CliError } from './cli-error.js';
import { ExitCode } from './exit-codes.js';

/** An error turned into what the user sees: one line, a hint and the exit code. */
export interface ErrorReport {
  exitCode: ExitCode;
  message: string;
  hint?: string;
}

const VERIFICATION_HINTS: Record<string, string> = {
  missing_header: 'pass the terra-signature header value with --header (or --signature)',
  malformed_header: 'the header must look like t=<unix seconds>,v1=<hex>',
  no_signature: 'the header has no v1 signature',
  signature_mismatch: 'check the signing secret, and pass the body byte for byte as received',
  timestamp_too_old: 'the signature is older than the tolerance: sign again, or raise --tolerance',
  timestamp_in_future: 'the signature timestamp is ahead of this clock: check the system time',
  missing_secret: 'pass --secret, set TERRA_WEBHOOK_SECRET, or put it in .env',
  payload_not_raw: 'pass the raw request body',
  malformed_payload: 'the signature is valid but the body is not a JSON object',
};

function apiReport(error: TerraApiError): ErrorReport {
  const message = error.message;
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return {
      exitCode: ExitCode.Authentication,
      message,
      hint: 'check --api-key and --dev-id (or TERRA_API_KEY / TERRA_DEV_ID / .env)',
    };
  }
  if (error instanceof NotFoundError) {
    return {
      exitCode: ExitCode.NotFound,
      message,
      hint: 'check the id; `terra users list` shows connected users',
    };
  }
  if (error instanceof RateLimitError) {
    const hint =
      error.rule === 'r1'
        ? 'the date window exceeds 1,825 days: use a shorter range'
        : error.retryAfterSeconds !== undefined
          ? `Terra allows 6,000 requested days per user per hour: retry in ${error.retryAfterSeconds} s`
          : 'retry later';
    return { exitCode: ExitCode.RateLimited, message, hint };
  }
  if (error instanceof InternalServerError) {
    return { exitCode: ExitCode.NetworkOrServer, message, hint: 'the server failed: retry later' };
  }
  return { exitCode: ExitCode.Usage, message, hint: 'the server rejected the request: check the arguments' };
}

/** Maps any thrown value to its exit code, message and hint. */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof CliError)
    return { exitCode: error.exitCode, message: error.message, hint: error.hint };
  if (error instanceof CommanderError)
    return { exitCode: ExitCode.Usage, message: error.message.replace(/^error: /, '') };
  if (error instanceof WebhookVerificationError) {
    return {
      exitCode: ExitCode.WebhookVerificationFailed,
      message: `webhook verification failed (${error.reason}): ${error.message}`,
      hint: VERIFICATION_HINTS[error.reason],
    };
  }
  if (error instanceof TerraInvalidArgumentError) return { exitCode: ExitCode.Usage, message: error.message };
  if (error instanceof TerraApiError) return apiReport(error);
  if (error instanceof TerraTimeoutError) {
    return {
      exitCode: ExitCode.NetworkOrServer,
      message: error.message,
      hint: 'raise --timeout or ask for less data',
    };
  }
  if (error instanceof TerraConnectionError) {
    return {
      exitCode: ExitCode.NetworkOrServer,
      message: error.message,
      hint: 'check --base-url and the network',
    };
  }
  if (error instanceof TerraResponseParseError) {
    return {
      exitCode: ExitCode.NetworkOrServer,
      message: error.message,
      hint: 'the server did not answer like Terra: check --base-url',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: ExitCode.Usage,
    message,
    hint: 'unexpected error: rerun with --debug for the stack trace',
  };
}

function stackOf(error: unknown): string {
  const lines: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    lines.push(
      depth === 0 ? (current.stack ?? String(current)) : `caused by: ${current.stack ?? String(current)}`,
    );
    current = current.cause;
  }
  return lines.join('\n');
}

/** The text printed on stderr for an error: one line with its hint, plus the stack trace under `--debug`. */
export function formatErrorReport(error: unknown, report: ErrorReport, debug: boolean): string {
  const message = report.message.replace(/\s*\n\s*/g, ' ').trim();
  const line = report.hint === undefined ? `error: ${message}` : `error: ${message} (hint: ${report.hint})`;
  return debug ? `${line}\n${stackOf(error)}\n` : `${line}\n`;
}
