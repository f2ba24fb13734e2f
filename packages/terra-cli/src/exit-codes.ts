/**
 * The `terra` command's exit codes. This table is a documented contract: scripts branch on these numbers,
 * so a value never changes meaning once released.
 */
export const ExitCode = {
  /** The command did what was asked. */
  Ok: 0,
  /** The command line was wrong: unknown option, missing argument, bad date, refused confirmation. */
  Usage: 1,
  /** Terra rejected the credentials (401/403), or none were given. */
  Authentication: 2,
  /** The user, session or resource does not exist (404). */
  NotFound: 3,
  /** Terra's rate limiter refused the request (429). */
  RateLimited: 4,
  /** The server could not be reached, timed out, failed (5xx) or answered with something unreadable. */
  NetworkOrServer: 5,
  /** A webhook signature did not verify. */
  WebhookVerificationFailed: 6,
} as const;

/** One of the numbers in {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
