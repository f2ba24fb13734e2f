/** What replaces a secret wherever it would have been printed. */
export const REDACTED = '[redacted]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces known secret values (API key, signing secret) in any text before it is printed.
 * The CLI routes every byte of output through one of these, so a secret echoed back by a server,
 * a library or an error message still never reaches the terminal or a log. Table cells are redacted before they
 * are cut to the column width, so a truncated cell cannot show half a key.
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  #pattern: RegExp | undefined;

  /**
   * Registers a value to hide, whatever its length: a one-character secret mangles output wherever that
   * character appears, and that is the lesser harm.
   */
  add(secret: string | undefined): void {
    if (secret === undefined || secret === '' || this.#secrets.has(secret)) return;
    this.#secrets.add(secret);
    // Longest first, so a secret that contains another is hidden whole. The marker itself comes first and is
    // kept as it is, so redacting twice (a cell, then the line it is in) changes nothing the second time.
    const alternatives = [REDACTED, ...[...this.#secrets].sort((a, b) => b.length - a.length)];
    this.#pattern = new RegExp(alternatives.map(escapeRegExp).join('|'), 'g');
  }

  /** Returns `text` with every registered secret replaced by {@link REDACTED}. */
  redact(text: string): string {
    return this.#pattern === undefined ? text : text.replace(this.#pattern, REDACTED);
  }
}
