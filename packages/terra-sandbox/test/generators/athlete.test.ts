import { describe, expect, it } from 'vitest';
import {
  GeneratorInputError,
  generateActivity,
  generateAthlete,
  generateRange,
  personaOf,
} from '../../src/generators/index.js';
import { contextFor } from './users.js';

describe('generateAthlete', () => {
  it('describes the same person whose data is generated: home city, age, sex', () => {
    const ctx = contextFor('athlete-1', 'GARMIN');
    const athlete = generateAthlete(ctx);
    const persona = personaOf(ctx);
    expect(athlete.city).toBe(persona.home.city);
    expect(athlete.country).toBe(persona.home.country);
    expect(athlete.sex).toBe(persona.sex);
    expect(athlete.age).toBeGreaterThanOrEqual(21);
    expect(athlete.age).toBeLessThanOrEqual(63);
    expect(athlete.date_of_birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(athlete.email).toMatch(/^[a-z]+\.[a-z]+@example\.com$/);
    const outdoor = generateRange('activity', ctx, '2026-03-01', '2026-04-01').find((a) => a.metadata.city);
    expect(outdoor?.metadata.city).toBe(athlete.city);
  });

  it('is the same on every call and differs between users', () => {
    const a = contextFor('athlete-a', 'FITBIT');
    expect(generateAthlete(a)).toEqual(generateAthlete(a));
    const others = ['b', 'c', 'd', 'e'].map((s) => generateAthlete(contextFor(`athlete-${s}`, 'FITBIT')));
    expect(others.some((o) => o.provider_user_id !== generateAthlete(a).provider_user_id)).toBe(true);
  });

  it('rejects a context without a user id, saying what is missing', () => {
    expect(() => generateAthlete({ seed: 1, user: { user_id: '', provider: 'GARMIN' } })).toThrow(/user_id/);
    expect(() => generateActivity({ seed: 1, user: { user_id: 'x', provider: '' } }, '2026-03-01')).toThrow(
      /provider/,
    );
    expect(() => generateAthlete({ seed: Number.NaN, user: { user_id: 'x', provider: 'GARMIN' } })).toThrow(
      GeneratorInputError,
    );
  });
});
