import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import type { TerraLogger, TerraLogLevel } from './hooks.js';
import type { Redactor } from './redact.js';

const RANK: Record<TerraLogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Writes one log line at a level, when that level is enabled; messages pass through the redactor. */
export type Log = (
  level: Exclude<TerraLogLevel, 'off'>,
  message: string,
  fields: Record<string, unknown>,
) => void;

/**
 * The client's log function, or `undefined` when nothing is logged (the default: no `logger`, no
 * `logLevel`), so the hot path pays one check. A `logger` without a `logLevel` logs at `'info'`; a
 * `logLevel` without a `logger` logs to `console`.
 *
 * @throws {@link TerraInvalidArgumentError} for an unknown level or a logger without the four methods.
 */
export function resolveLog(logger: unknown, logLevel: unknown, redactor: Redactor): Log | undefined {
  if (logLevel !== undefined && (typeof logLevel !== 'string' || !Object.hasOwn(RANK, logLevel))) {
    throw new TerraInvalidArgumentError(
      'logLevel',
      `logLevel must be one of 'off', 'error', 'warn', 'info' or 'debug'; got ${JSON.stringify(logLevel) ?? String(logLevel)}`,
    );
  }
  if (
    logger !== undefined &&
    (typeof logger !== 'object' ||
      logger === null ||
      !(['debug', 'info', 'warn', 'error'] as const).every(
        (method) => typeof (logger as Record<string, unknown>)[method] === 'function',
      ))
  ) {
    throw new TerraInvalidArgumentError(
      'logger',
      'logger must have debug, info, warn and error methods (console, pino, winston, ...)',
    );
  }
  const level = (logLevel as TerraLogLevel | undefined) ?? (logger === undefined ? 'off' : 'info');
  if (level === 'off') return undefined;
  const target = (logger as TerraLogger | undefined) ?? console;
  const threshold = RANK[level];
  return (lineLevel, message, fields) => {
    if (RANK[lineLevel] > threshold) return;
    try {
      target[lineLevel](`terra-ts: ${redactor.text(message)}`, fields);
    } catch {
      // A logger that throws must not fail the call.
    }
  };
}
