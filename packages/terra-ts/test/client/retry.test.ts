import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  isRetryableStatus,
  isSafeToRepeatPost,
  parseRetryAfter,
  wasNeverSent,
} from '../../src/client/retry.js';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2024, 0, 1, 12, 0, 0);

  it('reads delay seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as seconds from now, never negative', () => {
    expect(parseRetryAfter('Mon, 01 Jan 2024 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Mon, 01 Jan 2024 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('stays within [half, all] of the doubled base, capped', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const ceiling = Math.min(8000, 500 * 2 ** attempt);
      for (let i = 0; i < 50; i++) {
        const delay = backoffMs(attempt, 500, 8000);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });
});

describe('which failures retry', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 424].some(isRetryableStatus)).toBe(false);
  });

  it('repeats a POST only after 429 or 503', () => {
    expect([429, 503].every(isSafeToRepeatPost)).toBe(true);
    expect([500, 502, 504, 408].some(isSafeToRepeatPost)).toBe(false);
  });

  it('knows a refused connection was never sent, a reset may have been', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }),
    });
    expect(wasNeverSent(refused)).toBe(true);
    expect(wasNeverSent(reset)).toBe(false);
    expect(wasNeverSent('nope')).toBe(false);
  });
});
