import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';

function got(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  return `a ${Array.isArray(value) ? 'array' : typeof value}`;
}

/** A required, non-empty string argument. */
export function requireString(value: unknown, name: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TerraInvalidArgumentError(
      name,
      `${name} must be a non-empty string (${what}); got ${got(value)}`,
    );
  }
  return value;
}

/** An optional string argument: undefined stays undefined. */
export function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new TerraInvalidArgumentError(name, `${name} must be a string when given; got ${got(value)}`);
  }
  return value;
}

/** An optional boolean argument with a default. */
export function booleanOr(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new TerraInvalidArgumentError(name, `${name} must be true or false; got ${got(value)}`);
  }
  return value;
}

/**
 * The longest delay a JavaScript timer keeps (2^31 - 1 ms, about 24.8 days); a longer one fires at once, so
 * a timeout or a wait beyond it would turn into none at all.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** An optional whole-number argument within bounds. */
export function optionalInteger(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new TerraInvalidArgumentError(
      name,
      `${name} must be a whole number ${range}; got ${String(value)}`,
    );
  }
  return value;
}

/** An options object argument (undefined allowed when the options are optional). */
export function optionsObject<T extends object>(value: T | undefined, name: string, required: boolean): T {
  if (value === undefined && !required) return {} as T;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TerraInvalidArgumentError(name, `${name} must be an options object; got ${got(value)}`);
  }
  return value;
}
