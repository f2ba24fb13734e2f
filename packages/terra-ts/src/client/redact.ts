/** What a credential is replaced with wherever a server echoed it into an error. */
export const REDACTED = '[redacted]';

const ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Removes the credentials a client holds (API key, dev id, signing secrets) from anything a server sent back
 * that ends up in an error: text, parsed JSON (any depth, keys too), headers, and the messages of causes.
 * Every credential counts, whatever its length, and so does its percent-encoded form. Only error paths use it.
 */
export class Redactor {
  readonly #secrets: readonly string[];
  // One pass over the text, longest credential first, so a credential that contains another is removed
  // whole and the replacement itself is never searched again.
  readonly #pattern: RegExp | undefined;

  /** @param credentials - the values to remove; empty ones are ignored. */
  constructor(credentials: readonly (string | undefined)[]) {
    const forms = new Set<string>();
    for (const credential of credentials) {
      if (!credential) continue;
      forms.add(credential);
      forms.add(encodeURIComponent(credential));
    }
    this.#secrets = [...forms].sort((a, b) => b.length - a.length);
    this.#pattern =
      this.#secrets.length === 0
        ? undefined
        : new RegExp(
            this.#secrets.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
            'g',
          );
  }

  /** Whether `text` holds a credential as it stands. */
  holdsSecret(text: string): boolean {
    for (const secret of this.#secrets) if (text.includes(secret)) return true;
    return false;
  }

  /**
   * `text` without credentials. Text with JSON escapes (`\u0074k_...`) is also checked decoded; when the
   * decoded form holds a credential, the decoded form is what comes back, redacted.
   */
  text(text: string): string {
    let clean = this.#replace(text);
    if (clean.includes('\\')) {
      const decoded = decodeJsonEscapes(clean);
      if (this.holdsSecret(decoded)) clean = this.#replace(decoded);
    }
    return clean;
  }

  /**
   * A parsed JSON value without credentials: strings (values and keys) are redacted in place, at any depth,
   * without recursion (an error body may be nested a million levels deep). `raw` is the text it was parsed
   * from: when it has no backslash and no credential, no string in the value can hold one and nothing is walked.
   */
  json(value: unknown, raw: string): unknown {
    if (!raw.includes('\\') && !this.holdsSecret(raw)) return value;
    if (typeof value === 'string') return this.text(value);
    const pending: unknown[] = [value];
    while (pending.length > 0) {
      const node = pending.pop();
      if (typeof node !== 'object' || node === null) continue;
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        let target = key;
        const cleanKey = this.text(key);
        if (cleanKey !== key) {
          delete record[key];
          target = cleanKey;
        }
        if (typeof item === 'string') own(record, target, this.text(item));
        else {
          if (target !== key) own(record, target, item);
          if (typeof item === 'object' && item !== null) pending.push(item);
        }
      }
    }
    return value;
  }

  /** A copy of `headers` with every value redacted (a `Location` or any header echoing a credential). */
  headers(headers: Headers): Headers {
    let dirty = false;
    headers.forEach((value) => {
      if (!dirty && this.text(value) !== value) dirty = true;
    });
    if (!dirty) return headers;
    const clean = new Headers();
    headers.forEach((value, name) => {
      clean.append(name, this.text(value));
    });
    return clean;
  }

  /**
   * A cause safe to attach to an error: the same error when its message and stack hold no credential,
   * else a plain `Error` of the same name with both redacted (a `SyntaxError` from `JSON.parse` quotes the text).
   */
  cause(error: unknown): unknown {
    if (!(error instanceof Error)) return typeof error === 'string' ? this.text(error) : error;
    const message = this.text(error.message);
    const stack = error.stack === undefined ? undefined : this.text(error.stack);
    if (message === error.message && stack === error.stack) return error;
    const copy = new Error(message);
    copy.name = error.name;
    if (stack !== undefined) copy.stack = stack;
    return copy;
  }

  #replace(text: string): string {
    return this.#pattern === undefined || !this.holdsSecret(text)
      ? text
      : text.replace(this.#pattern, REDACTED);
  }
}

// Defined, not assigned: a `__proto__` key JSON.parse made is an own property, and assigning to it would set
// the prototype instead of the value.
function own(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

function decodeJsonEscapes(text: string): string {
  return text.replace(ESCAPE, (_match, hex: string | undefined, simple: string | undefined) => {
    if (hex !== undefined) return String.fromCharCode(Number.parseInt(hex, 16));
    return SIMPLE_ESCAPES[simple as string] ?? (simple as string);
  });
}
