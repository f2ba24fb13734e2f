import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/pages/format-bytes.js';

describe('formatBytes', () => {
  it('picks a unit people read', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
