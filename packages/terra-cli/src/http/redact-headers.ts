import { REDACTED } from '../output/redactor.js';

// Headers that carry credentials or signatures: their values are never printed, whatever the server echoes.
const SENSITIVE = new Set([
  'x-api-key',
  'dev-id',
  'authorization',
  'cookie',
  'set-cookie',
  'terra-signature',
  'x-terra-signature',
  'proxy-authorization',
]);

/** Lists headers as `name: value` lines with credential values replaced by `[redacted]`. */
export function formatHeaders(headers: Headers): string[] {
  const lines: string[] = [];
  headers.forEach((value, name) => {
    lines.push(`${name}: ${SENSITIVE.has(name.toLowerCase()) ? REDACTED : value}`);
  });
  return lines;
}
