/** What replaces a secret wherever it would have been printed. */
export const REDACTED = '[redacted]';

/**
 * Replaces known secret values (API key, signing secret) in any text before it is printed.
 * The CLI routes every byte of output through one of these, so a secret echoed back by a server,
 * a library or an error message still never reaches the terminal or a log.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a value to hide. Very short values are ignored: hiding "a" would mangle all output. */
  add(secret: string | undefined): void {
    if (secret !== undefined && secret.length >= 4) this.#secrets.add(secret);
  }

  /** Returns `text` with every registered secret replaced by {@link REDACTED}. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result;
  }
}
