import type { Unit } from './result.js';

/** A figure with a sensible number of digits for its size. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A difference with its sign: `+12.3` or `-4.56`. */
export function formatSigned(value: number): string {
  return value < 0 ? `-${formatNumber(-value)}` : `+${formatNumber(value)}`;
}

/** A figure followed by its unit. */
export function formatValue(value: number, unit: Unit): string {
  return `${unit === 'files' ? Math.round(value).toLocaleString('en-US') : formatNumber(value)} ${unit}`;
}

/** A ratio as `1.23x`. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a';
}

/** Bytes as KB or MB (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}
