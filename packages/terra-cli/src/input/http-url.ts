import { InvalidArgumentError } from 'commander';

/**
 * Parses an option that names an http(s) endpoint (`--to`, `--forward`), normalised by `URL`.
 *
 * @throws InvalidArgumentError (commander prints it as a usage error) for anything else.
 */
export function parseHttpUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {}
  throw new InvalidArgumentError('expected an http(s) URL, e.g. http://localhost:3000/webhooks/terra');
}
