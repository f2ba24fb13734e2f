import { DATA_EVENT_TYPES, DATA_TYPES as SDK_DATA_TYPES } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { DATA_TYPES, isStoredDataType, STORED_DATA_TYPES } from '../../src/keys/data-types.js';

describe('the stored data types come from terra-ts', () => {
  it('stores every terra-ts data event type but health_observation, and the athlete', () => {
    expect(STORED_DATA_TYPES).toEqual([
      ...DATA_EVENT_TYPES.filter((type) => type !== 'health_observation'),
      'athlete',
    ]);
    for (const type of SDK_DATA_TYPES) expect(STORED_DATA_TYPES).toContain(type);
  });

  it('has exactly one table definition per stored type, named after it', () => {
    expect(new Set(Object.keys(DATA_TYPES))).toEqual(new Set(STORED_DATA_TYPES));
    for (const type of STORED_DATA_TYPES) {
      expect(DATA_TYPES[type].type).toBe(type);
      expect(DATA_TYPES[type].table).toBe(`terra_${type}`);
      expect(isStoredDataType(type)).toBe(true);
    }
    expect(isStoredDataType('health_observation')).toBe(false);
    expect(isStoredDataType('constructor')).toBe(false);
  });
});
