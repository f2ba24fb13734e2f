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

  it('ignores an absent or empty value', () => {
    const redactor = new Redactor();
    redactor.add('');
    redactor.add(undefined);
    expect(redactor.redact('a banana')).toBe('a banana');
  });
});

describe('Redactor, whatever the secret', () => {
  it('hides secrets of any length, even one character', () => {
    const redactor = new Redactor();
    redactor.add('Qz7');
    redactor.add('#');
    expect(redactor.redact('key=Qz7 tag=#')).toBe(`key=${REDACTED} tag=${REDACTED}`);
  });

  it('hides a secret that contains another one whole', () => {
    const redactor = new Redactor();
    redactor.add('abc');
    redactor.add('xxabcxx');
    expect(redactor.redact('1 xxabcxx 2 abc')).toBe(`1 ${REDACTED} 2 ${REDACTED}`);
  });

  it('changes nothing when run again over its own output', () => {
    const redactor = new Redactor();
    redactor.add('red');
    redactor.add('act');
    const once = redactor.redact('red and act');
    expect(once).toBe(`${REDACTED} and ${REDACTED}`);
    expect(redactor.redact(once)).toBe(once);
  });
});
