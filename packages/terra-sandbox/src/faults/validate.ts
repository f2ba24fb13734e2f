import { FaultParseError, parseFaults } from './parse.js';
import type { FaultConfig } from './types.js';

const NUMBER_FIELDS = ['status', 'latencyMs', 'slowBodyMs', 'times'] as const;
const FLAG_FIELDS = ['drop', 'truncate', 'nonJson', 'html', 'r1', 'r2'] as const;

/**
 * Accepts a fault configuration as JSON: either `{ "spec": "status=503;times=2" }` (the header
 * syntax) or the fields of {@link FaultConfig}. Unknown fields and wrong types are errors.
 */
export function faultConfigFromJson(value: unknown): FaultConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FaultParseError(
      'faults must be a JSON object, e.g. {"spec":"status=503;times=2"} or {"status":503}',
    );
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj.spec === 'string') return parseFaults(obj.spec);
  const out: FaultConfig = {};
  for (const [key, v] of Object.entries(obj)) {
    if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        throw new FaultParseError(`fault ${key} must be a non-negative integer`);
      }
      (out as Record<string, number>)[key] = v;
    } else if ((FLAG_FIELDS as readonly string[]).includes(key)) {
      if (typeof v !== 'boolean') throw new FaultParseError(`fault ${key} must be true or false`);
      if (v) (out as Record<string, boolean>)[key] = true;
    } else {
      throw new FaultParseError(
        `unknown fault field ${key}; use ${[...NUMBER_FIELDS, ...FLAG_FIELDS].join(', ')} or spec`,
      );
    }
  }
  if (out.status !== undefined && (out.status < 100 || out.status > 599)) {
    throw new FaultParseError('fault status must be an HTTP status (100-599)');
  }
  if (out.times === 0) throw new FaultParseError('fault times must be at least 1');
  return out;
}
