import { describe, expect, it } from 'vitest';
import { DATA_TYPES, generateAthlete, generateRange } from '../../src/generators/index.js';
import { assertSchema, SCHEMA_OF_DATA_TYPE, SCHEMAS_DIR, SCHEMAS_PRESENT } from '../support/schemas.js';
import { contextFor, findUser } from './users.js';

const present = SCHEMAS_PRESENT;
const SCHEMA_OF = SCHEMA_OF_DATA_TYPE;

// The sample-heavy types get a week per user (validation of their samples dominates the run time).
const END_OF = {
  activity: '2026-02-27',
  sleep: '2026-03-20',
  daily: '2026-02-27',
  body: '2026-03-20',
  nutrition: '2026-03-20',
  menstruation: '2026-03-20',
} as const;

const USERS = [
  contextFor('schema-garmin', 'GARMIN'),
  contextFor('schema-fitbit', 'FITBIT'),
  contextFor('schema-oura', 'OURA'),
  contextFor('schema-whoop', 'WHOOP'),
  contextFor('schema-apple', 'APPLE'),
  contextFor('schema-wahoo', 'WAHOO'),
  contextFor('schema-mfp', 'MYFITNESSPAL'),
  contextFor('schema-libre', 'FREESTYLELIBRE'),
  contextFor('schema-unknown-provider', 'ACMEBAND'),
  findUser('GARMIN', (p) => p.cycle !== null && p.hasScale && p.measuresBloodPressure),
];

describe.skipIf(!present)(`generated data against the official JSON Schemas (needs ${SCHEMAS_DIR})`, () => {
  for (const type of DATA_TYPES) {
    it(`makes ${type} records valid against ${SCHEMA_OF[type]}, with and without samples`, () => {
      let count = 0;
      for (const ctx of USERS) {
        for (const withSamples of [true, false]) {
          for (const record of generateRange(type, ctx, '2026-02-20', END_OF[type], { withSamples })) {
            assertSchema(SCHEMA_OF[type], record);
            count++;
          }
        }
      }
      expect(count).toBeGreaterThan(20);
    });
  }

  it('makes athletes valid against Athlete.yaml', () => {
    for (const ctx of USERS) assertSchema('Athlete.yaml', generateAthlete(ctx));
  });

  it('makes the records valid inside a data webhook event too', () => {
    const ctx = USERS[0] ?? contextFor('x', 'GARMIN');
    const data = generateRange('sleep', ctx, '2026-03-01', '2026-03-03', { withSamples: true });
    assertSchema('SleepEvent.yaml', { type: 'sleep', user: ctx.user, data, version: '2022-03-16' });
  });
});
