/**
 * The provider catalog: one table of the providers the sandbox offers, what each records and who
 * wears it, read by routes (`/integrations`, the widget), pages and generators alike.
 */
export { findProvider, providerProfile, providerSupports, providerTypes } from './catalog.js';
export { DEFAULT_PROVIDER_PROFILE } from './profile.js';
export { PROVIDERS, UNLISTED_PROVIDERS } from './table.js';
export type { ProviderEntry, ProviderProfile, ProviderTypes } from './types.js';
