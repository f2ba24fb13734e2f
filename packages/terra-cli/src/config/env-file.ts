import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { UsageError } from '../cli-error.js';

/**
 * Reads a dotenv file into a plain object, without touching `process.env`.
 * An explicitly named file must exist; the default `.env` in the working directory is optional.
 */
export function readEnvFile(cwd: string, path: string | undefined): Record<string, string> {
  const file = resolve(cwd, path ?? '.env');
  if (!existsSync(file)) {
    if (path === undefined) return {};
    throw new UsageError(
      `--dotenv: ${file} does not exist`,
      'give the path of a KEY=value file, or leave the option out',
    );
  }
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
}
