import { isAbsolute, join } from 'node:path';
import type { CliIO } from '../io.js';
import type { Redactor } from '../output/redactor.js';

/** The embedded database's directory when neither --database nor TERRA_STORE_DATABASE is given. */
export const DEFAULT_STORE_DIRECTORY = '.terra-store';

/** Where `terra store` keeps its data, as the user chose it. */
export interface DatabaseChoice {
  /** What is handed to terra-store: a `postgres://` URL (holds the password) or an absolute directory. */
  readonly value: string;
  /** Safe to print: `postgres://user@host:port/database` or the directory. */
  readonly display: string;
  /** True for a PostgreSQL server, false for the embedded PGlite directory. */
  readonly server: boolean;
}

const SERVER_URL = /^postgres(ql)?:/i;

/** The password of a `postgres://user:password@host` URL, found even when the rest of the URL is malformed. */
function passwordOf(url: string): string[] {
  const match = /^postgres(?:ql)?:\/\/[^:/@]*:([^@]*)@/i.exec(url.trim());
  if (!match?.[1]) return [];
  const raw = match[1];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {}
  return [raw, decoded];
}

function displayUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    const user = parsed.username ? `${parsed.username}@` : '';
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'the --database URL';
  }
}

/**
 * Resolves `--database`, then `TERRA_STORE_DATABASE`, then `./.terra-store` (embedded). A server URL's password
 * is registered with the redactor before anything can print it (an error echoing the URL shows `[redacted]`).
 */
export function resolveDatabase(flag: string | undefined, io: CliIO, redactor: Redactor): DatabaseChoice {
  const given = flag ?? io.env.TERRA_STORE_DATABASE ?? DEFAULT_STORE_DIRECTORY;
  if (SERVER_URL.test(given.trim())) {
    for (const secret of passwordOf(given)) redactor.add(secret);
    return { value: given.trim(), display: displayUrl(given), server: true };
  }
  const directory = isAbsolute(given) ? given : join(io.cwd, given);
  return { value: directory, display: directory, server: false };
}
