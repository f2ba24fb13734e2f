import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ActivityType,
  HeartRateZone,
  MealType,
  SleepLevel,
  TimestampLocalization,
  UploadType,
} from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultSchemaDir, hasSchemas } from '../../scripts/generate-models.js';
import { modelsManifest } from '../../src/models/generated/manifest.js';
import * as models from '../../src/models/index.js';

describe('numeric enums', () => {
  it('names ActivityType values by their titles', () => {
    expect(ActivityType.RUNNING).toBe(8);
    expect(ActivityType.IN_VEHICLE).toBe(0);
    expect(ActivityType.BIKING).toBe(1);
    expect(ActivityType.E_MOUNTAIN_BIKING).toBeTypeOf('number');
  });

  it('has no members for the gaps in ActivityType numbering', () => {
    const values = new Set<number>(Object.values(ActivityType));
    expect(values.has(2)).toBe(false);
    expect(values.has(6)).toBe(false);
    expect(values.size).toBe(Object.keys(ActivityType).length);
  });

  it('gives SleepLevel exactly the values 0 to 6, in order', () => {
    expect(SleepLevel).toEqual({
      UNKNOWN: 0,
      AWAKE: 1,
      SLEEPING: 2,
      OUT_OF_BED: 3,
      LIGHT_SLEEP: 4,
      DEEP_SLEEP: 5,
      REM_SLEEP: 6,
    });
  });

  it('names TimestampLocalization values UTC and LOCAL', () => {
    expect(TimestampLocalization).toEqual({ UTC: 0, LOCAL: 1 });
  });

  it('exports the other numeric enums with numeric values', () => {
    for (const enumObject of [HeartRateZone, MealType, UploadType]) {
      expect(Object.keys(enumObject).length).toBeGreaterThan(1);
      for (const [key, value] of Object.entries(enumObject)) {
        expect(key).toMatch(/^[A-Z_][A-Z0-9_]*$/);
        expect(value).toBeTypeOf('number');
      }
    }
  });
});

describe('runtime footprint', () => {
  it('exports only enum objects at runtime; every model is a type', () => {
    for (const [name, value] of Object.entries(models)) {
      expect(value, name).toBeTypeOf('object');
      for (const member of Object.values(value as object))
        expect(['number', 'string']).toContain(typeof member);
    }
    expect(Object.keys(models)).not.toContain('modelsManifest');
    expect(Object.keys(models)).not.toContain('Activity');
    expect(Object.keys(models)).toContain('SleepLevel');
  });
});

const schemaDir = defaultSchemaDir();

describe.skipIf(!hasSchemas(schemaDir))('enums agree with the schemas', () => {
  it('every titled numeric or string const in a schema is a member with the same value', () => {
    const runtime = models as unknown as Record<string, Record<string, unknown>>;
    let checked = 0;
    for (const name of modelsManifest.schemas) {
      const schema = parse(readFileSync(join(schemaDir, `${name}.yaml`), 'utf8')) as {
        oneOf?: Array<{ const?: unknown }>;
        anyOf?: Array<{ const?: unknown }>;
      };
      const consts = (schema.oneOf ?? schema.anyOf ?? []).map((v) => v.const).filter((c) => c !== undefined);
      if (consts.length === 0) continue;
      expect(runtime[name], `${name} should be exported`).toBeDefined();
      expect(Object.values(runtime[name] ?? {})).toEqual(consts);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
