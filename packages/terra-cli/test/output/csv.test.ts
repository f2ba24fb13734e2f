import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../src/output/csv.js';

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('leaves plain values alone and prints null as an empty field', () => {
    expect(csvLine(['GARMIN', 3, true, null, undefined])).toBe('GARMIN,3,true,,\n');
  });

  it('writes nested values as JSON', () => {
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });
});
