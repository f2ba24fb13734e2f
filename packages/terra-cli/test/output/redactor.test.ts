import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../src/output/redactor.js';

describe('Redactor', () => {
  it('replaces every occurrence of every registered secret', () => {
    const redactor = new Redactor();
    redactor.add('sk_live_ABC123');
    redactor.add('whsec_XYZ789');
    expect(redactor.redact('key sk_live_ABC123 and whsec_XYZ789 and sk_live_ABC123')).toBe(
      `key ${REDACTED} and ${REDACTED} and ${REDACTED}`,
    );
  });

  it('ignores values too short to hide without mangling output', () => {
    const redactor = new Redactor();
    redactor.add('a');
    redactor.add(undefined);
    expect(redactor.redact('a banana')).toBe('a banana');
  });
});
