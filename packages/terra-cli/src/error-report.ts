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
import { type CommandInfo, cliNameOf, toCliWording } from './cli-names.js';
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

/** One line per verification failure, in the CLI's terms (the SDK's message names its own options). */
function verificationMessage(error: WebhookVerificationError, command: CommandInfo | undefined): string {
  const seconds = (pattern: RegExp) => pattern.exec(error.message)?.[1];
  switch (error.reason) {
    case 'missing_header':
      return 'no signature given';
    case 'timestamp_too_old': {
      const age = seconds(/signed (\d+) s ago/);
      const tolerance = seconds(/the (\d+) s tolerance/);
      return age && tolerance
        ? `the signature is ${age} s old, beyond --tolerance (${tolerance} s)`
        : 'the signature is older than --tolerance';
    }
    case 'timestamp_in_future': {
      const ahead = seconds(/signed (\d+) s in the future/);
      return ahead
        ? `the signature is dated ${ahead} s in the future, beyond --tolerance`
        : 'the signature is dated in the future, beyond --tolerance';
    }
    case 'signature_mismatch':
      return 'the signature does not match the payload and --secret';
    case 'missing_secret':
      return 'no webhook signing secret given';
    default:
      return toCliWording(
        error.message.replace(/^Malformed Terra signature header: /, '--header is malformed: '),
        command,
      );
  }
}

/** Whether the command takes an id the server could fail to find. */
function takesId(command: CommandInfo | undefined): boolean {
  return command !== undefined && ['users info', 'users deauth', 'data'].includes(command.path);
}

function apiReport(error: TerraApiError, command: CommandInfo | undefined): ErrorReport {
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
      hint: takesId(command)
        ? 'check the user id; `terra users list` shows connected users'
        : "the server has no such endpoint: check --base-url (Terra's ends in /v2)",
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

/**
 * Maps any thrown value to its exit code, message and hint, in the CLI's terms.
 *
 * @param command - the command that was running, when known: hints depend on it.
 */
export function describeError(error: unknown, command?: CommandInfo): ErrorReport {
  if (error instanceof CliError)
    return { exitCode: error.exitCode, message: error.message, hint: error.hint };
  if (error instanceof CommanderError) return { exitCode: ExitCode.Usage, ...commanderReport(error.message) };
  if (error instanceof WebhookVerificationError) {
    return {
      exitCode: ExitCode.WebhookVerificationFailed,
      message: `webhook verification failed (${error.reason}): ${verificationMessage(error, command)}`,
      hint: VERIFICATION_HINTS[error.reason],
    };
  }
  if (error instanceof TerraInvalidArgumentError) {
    const name = cliNameOf(error.argument, command);
    const text = toCliWording(error.message, command);
    return {
      exitCode: ExitCode.Usage,
      message: text.startsWith(name) ? text : `${name}: ${text}`,
      hint: `see terra ${command?.path ?? ''} --help`.replace('  ', ' '),
    };
  }
  if (error instanceof TerraApiError) return apiReport(error, command);
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

/**
 * Commander's own messages as one line: `unknown command 'lst'` with its "(Did you mean list?)" turned into the
 * hint, so the error stays on one line as every other one does.
 */
export function commanderReport(text: string): { message: string; hint: string } {
  const clean = text.replace(/^error: /, '').trim();
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(clean);
  const message = clean.replace(/\s*\(Did you mean .+?\?\)/, '').replace(/\s*\n\s*/g, ' ');
  return {
    message,
    hint: suggestion ? `did you mean ${suggestion[1]}?` : 'run with --help for usage',
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
