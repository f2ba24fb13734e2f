import { describe, expect, it } from 'vitest';
import { formatBytes, previewPayload } from '../../src/pages/payload-preview.js';

describe('previewPayload', () => {
  it('pretty-prints JSON and reports the delivered size in bytes', () => {
    const preview = previewPayload('{"type":"auth","user":{"user_id":"é"}}');
    expect(preview.text).toBe('{\n  "type": "auth",\n  "user": {\n    "user_id": "é"\n  }\n}');
    expect(preview.truncated).toBe(false);
    expect(preview.bytes).toBe(39);
  });

  it('cuts long payloads at the limit and says so', () => {
    const payload = JSON.stringify({ data: 'x'.repeat(500) });
    const preview = previewPayload(payload, 100);
    expect(preview.text).toHaveLength(100);
    expect(preview.truncated).toBe(true);
    expect(preview.bytes).toBe(payload.length);
  });

  it('shows text that is not JSON as it is', () => {
    expect(previewPayload('not json').text).toBe('not json');
  });
});

describe('formatBytes', () => {
  it('picks a unit people read', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
