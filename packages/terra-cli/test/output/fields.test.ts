import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-error.js';
import { getPath, inferColumns, parseFields, pickFields } from '../../src/output/fields.js';

const record = {
  user_id: 'u1',
  metadata: { start_time: '2024-01-01T00:00:00Z', summary_id: 's' },
  samples: [{ bpm: 60 }, { bpm: 70 }],
};

describe('fields', () => {
  it('parses a comma-separated list of dotted paths', () => {
    expect(parseFields(' user_id, metadata.start_time ')).toEqual(['user_id', 'metadata.start_time']);
  });

  it('rejects an empty or malformed list with a usage error', () => {
    expect(() => parseFields(',')).toThrow(UsageError);
    expect(() => parseFields('user id')).toThrow(/not a field path/);
  });

  it('reads nested paths and array indexes', () => {
    expect(getPath(record, 'metadata.start_time')).toBe('2024-01-01T00:00:00Z');
    expect(getPath(record, 'samples.1.bpm')).toBe(70);
    expect(getPath(record, 'missing.path')).toBeUndefined();
  });

  it('picks fields keeping Terra names and nesting, with null for missing ones', () => {
    expect(pickFields(record, ['user_id', 'metadata.summary_id', 'nope'])).toEqual({
      user_id: 'u1',
      metadata: { summary_id: 's' },
      nope: null,
    });
  });

  it('infers scalar columns, descending into objects but not arrays', () => {
    expect(inferColumns(record)).toEqual(['user_id', 'metadata.start_time', 'metadata.summary_id']);
  });
});
