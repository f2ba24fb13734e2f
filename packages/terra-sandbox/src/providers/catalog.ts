import { DATA_TYPES, type DataType } from 'terra-ts';
import { DEFAULT_PROVIDER_PROFILE } from './profile.js';
import { PROVIDERS, UNLISTED_PROVIDERS } from './table.js';
import type { ProviderEntry, ProviderProfile, ProviderTypes } from './types.js';

const LISTED = new Map(PROVIDERS.map((p) => [p.provider, p]));
const KNOWN = new Map([...PROVIDERS, ...UNLISTED_PROVIDERS].map((p) => [p.provider, p]));

/** The listed provider with this resource id (case-insensitive); undefined for one `/integrations` does not offer. */
export function findProvider(resource: string): ProviderEntry | undefined {
  return LISTED.get(resource.trim().toUpperCase());
}

/** The profile of a provider slug (case-insensitive), or {@link DEFAULT_PROVIDER_PROFILE} for unknown ones. */
export function providerProfile(provider: string): ProviderProfile {
  return KNOWN.get(provider.trim().toUpperCase())?.profile ?? DEFAULT_PROVIDER_PROFILE;
}

/**
 * Whether a provider serves a data type at all, so a server can answer "not available" instead of
 * an empty list (Oura has no nutrition, Wahoo has no sleep).
 */
export function providerSupports(provider: string, type: DataType): boolean {
  return providerProfile(provider).dataTypes.includes(type);
}

/** A provider's data types as `/integrations/detailed` lists them: read off its profile, never written twice. */
export function providerTypes(entry: ProviderEntry): ProviderTypes {
  const { dataTypes } = entry.profile;
  return Object.fromEntries(DATA_TYPES.map((type) => [type, dataTypes.includes(type)])) as ProviderTypes;
}
