import { examplePayloads, legacyExamplePayloads } from 'terra-ts/testing';
import { describe, expect, it } from 'vitest';
import { schemaErrors, schemasAvailable } from '../webhooks/support/official-schemas.js';
import { SCHEMA_FILE_BY_TYPE } from '../webhooks/support/schema-files.js';

const types = Object.keys(examplePayloads) as (keyof typeof examplePayloads)[];

describe('example payloads', () => {
  it('cover every webhook type terra-ts parses', () => {
    expect(types.sort()).toEqual(Object.keys(SCHEMA_FILE_BY_TYPE).sort());
  });

  it.each(types)('the %s example carries its own type', (type) => {
    expect(examplePayloads[type].type).toBe(type);
  });

  it.skipIf(!schemasAvailable)('every example validates against its official schema', () => {
    for (const type of types) {
      expect({
        type,
        errors: schemaErrors(SCHEMA_FILE_BY_TYPE[type] as string, examplePayloads[type]),
      }).toEqual({
        type,
        errors: [],
      });
      expect(schemaErrors('WebhookEvent.yaml', examplePayloads[type])).toEqual([]);
    }
  });

  it.skipIf(!schemasAvailable)(
    'the current-schema examples validate against the WebhookEventType union',
    () => {
      const current = types.filter((type) => SCHEMA_FILE_BY_TYPE[type] !== 'WebhookEvent.yaml');
      for (const type of current)
        expect(schemaErrors('WebhookEventType.yaml', examplePayloads[type])).toEqual([]);
    },
  );

  it('the legacy failed-auth example has the old auth + error shape', () => {
    expect(legacyExamplePayloads.auth_error).toMatchObject({ type: 'auth', status: 'error' });
  });

  it('are frozen so one test cannot change another test’s fixture', () => {
    expect(Object.isFrozen(examplePayloads.sleep)).toBe(true);
    expect(Object.isFrozen(examplePayloads.sleep.data[0])).toBe(true);
  });
});

if (!schemasAvailable) console.warn(`Official Terra schemas not found; schema validation tests skipped.`);
