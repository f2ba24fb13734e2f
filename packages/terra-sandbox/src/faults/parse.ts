import type { FaultConfig } from './types.js';

/** Thrown for a fault string the sandbox does not understand. */
export class FaultParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultParseError';
  }
}

const USAGE =
  'expected `;`-separated modes: status=<code>, latency=<ms>, drop, truncate, non-json, html, r1, r2, slow-body=<ms>, times=<n>';

function positiveInt(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min) {
    throw new FaultParseError(
      `fault \`${name}\` needs an integer >= ${min}, got ${JSON.stringify(value ?? '')}; ${USAGE}`,
    );
  }
  return n;
}

/** Parses `status=503;latency=200;times=2` (the `x-sandbox-fault` header and CLI `--fault` syntax). */
export function parseFaults(text: string): FaultConfig {
  const out: FaultConfig = {};
  for (const raw of text.split(';')) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq === -1 ? undefined : part.slice(eq + 1).trim();
    switch (name) {
      case 'status': {
        const status = positiveInt(name, value, 100);
        if (status > 599)
          throw new FaultParseError(`fault \`status\` must be an HTTP status (100-599); ${USAGE}`);
        out.status = status;
        break;
      }
      case 'latency':
        out.latencyMs = positiveInt(name, value, 0);
        break;
      case 'slow-body':
        out.slowBodyMs = positiveInt(name, value, 0);
        break;
      case 'times':
        out.times = positiveInt(name, value, 1);
        break;
      case 'drop':
        out.drop = true;
        break;
      case 'truncate':
        out.truncate = true;
        break;
      case 'non-json':
        out.nonJson = true;
        break;
      case 'html':
        out.html = true;
        break;
      case 'r1':
        out.r1 = true;
        break;
      case 'r2':
        out.r2 = true;
        break;
      default:
        throw new FaultParseError(`unknown fault \`${name}\`; ${USAGE}`);
    }
  }
  return out;
}

/** True when the spec asks for no fault at all. */
export function isEmptyFault(spec: FaultConfig): boolean {
  return Object.keys(spec).every((k) => k === 'times');
}
