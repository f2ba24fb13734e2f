import { describe, expect, it } from 'vitest';
import { DATA_TYPES, type DataType, generateRange } from '../../src/generators/index.js';
import {
  DEFAULT_PROVIDER_PROFILE,
  PROVIDERS,
  providerProfile,
  UNLISTED_PROVIDERS,
} from '../../src/providers/index.js';
import { contextFor } from '../generators/users.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();

interface Listed {
  provider: string;
  types: Record<DataType, boolean>;
}

/** Whether any of a few users of `provider` has a record of `type` over four weeks. */
function generatesAny(provider: string, type: DataType): boolean {
  for (let n = 0; n < 6; n++) {
    const ctx = contextFor(`catalog-${provider.toLowerCase()}-${n}`, provider);
    if (generateRange(type, ctx, '2026-02-01', '2026-03-01', { withSamples: false }).length > 0) return true;
  }
  return false;
}

describe('the provider catalog', () => {
  it('gives every listed provider a profile of its own, never the serve-everything default', () => {
    for (const entry of [...PROVIDERS, ...UNLISTED_PROVIDERS]) {
      expect(entry.profile, entry.provider).not.toBe(DEFAULT_PROVIDER_PROFILE);
      expect(providerProfile(entry.provider.toLowerCase()), entry.provider).toBe(entry.profile);
      expect(entry.profile.manufacturer, entry.provider).not.toBe('Generic');
    }
    const ids = PROVIDERS.map((p) => p.provider);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists on /integrations/detailed exactly the data types the generators produce for each provider', async () => {
    const { status, body } = await t.json('/v2/integrations/detailed?sdk=true', { auth: false });
    expect(status).toBe(200);
    const listed = body.providers as Listed[];
    expect(listed.map((p) => p.provider)).toEqual(PROVIDERS.map((p) => p.provider));
    for (const { provider, types } of listed) {
      for (const type of DATA_TYPES) {
        expect(generatesAny(provider, type), `${provider} ${type}`).toBe(types[type]);
      }
    }
  });
});
