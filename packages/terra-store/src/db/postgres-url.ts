import { DatabaseUrlError } from '../errors/database-url-error.js';

/** A parsed `postgres://` URL: where it points, without the password. */
export interface PostgresTarget {
  /** The URL as given (holds the password; never print it). */
  readonly url: string;
  /** `host:port/database`, safe to print. */
  readonly display: string;
}

/** Whether a `database` option names a server rather than a PGlite directory. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:/i.test(value.trim());
}

/**
 * Checks a `postgres://` (or `postgresql://`) URL before any connection is tried.
 *
 * @throws {@link DatabaseUrlError} naming what is wrong, without echoing the password.
 */
export function parsePostgresUrl(value: string): PostgresTarget {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new DatabaseUrlError(
      'The database URL is not a valid URL. Expected postgres://user:password@host:5432/database (percent-encode special characters in the password).',
    );
  }
  if (!/^postgres(ql)?:$/i.test(url.protocol)) {
    throw new DatabaseUrlError(
      `The database URL must start with postgres:// or postgresql://, not ${url.protocol}//.`,
    );
  }
  if (!url.hostname) {
    throw new DatabaseUrlError(
      'The database URL has no host. Expected postgres://user:password@host:5432/database.',
    );
  }
  if (url.port !== '' && !/^\d+$/.test(url.port)) {
    throw new DatabaseUrlError(`The database URL's port is not a number: ${url.port}.`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default)';
  return { url: value.trim(), display: `${url.hostname}:${url.port || '5432'}/${database}` };
}
