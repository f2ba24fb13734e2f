/**
 * Thrown by the tracing fetch under `--dry-run` after the request was printed, so nothing is sent.
 * Commands treat it (or an SDK error caused by it) as success.
 */
export class DryRunStop extends Error {
  constructor() {
    super('dry run: the request was printed and not sent');
    this.name = 'DryRunStop';
  }
}

/** True when `error`, or anything in its `cause` chain, is a {@link DryRunStop}. */
export function isDryRunStop(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && depth < 10; depth += 1) {
    if (current instanceof DryRunStop) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}
