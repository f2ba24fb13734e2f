/** Which data types a provider offers (Terra's IntegrationProvider.types). */
export interface ProviderTypes {
  activity: boolean;
  body: boolean;
  nutrition: boolean;
  daily: boolean;
  sleep: boolean;
  menstruation: boolean;
}

/** One integration the sandbox offers. */
export interface ProviderInfo {
  provider: string;
  name: string;
  /** Connected through Terra's mobile SDK rather than a cloud OAuth flow. */
  sdk: boolean;
  types: ProviderTypes;
}

const t = (flags: string): ProviderTypes => ({
  activity: flags.includes('a'),
  body: flags.includes('b'),
  nutrition: flags.includes('n'),
  daily: flags.includes('d'),
  sleep: flags.includes('s'),
  menstruation: flags.includes('m'),
});

/** Providers of the sandbox, with the data types each one offers. */
export const PROVIDERS: readonly ProviderInfo[] = [
  { provider: 'GARMIN', name: 'Garmin', sdk: false, types: t('abdsm') },
  { provider: 'FITBIT', name: 'Fitbit', sdk: false, types: t('abndsm') },
  { provider: 'OURA', name: 'Oura', sdk: false, types: t('abdsm') },
  { provider: 'WHOOP', name: 'WHOOP', sdk: false, types: t('abds') },
  { provider: 'POLAR', name: 'Polar', sdk: false, types: t('abds') },
  { provider: 'WITHINGS', name: 'Withings', sdk: false, types: t('abds') },
  { provider: 'SUUNTO', name: 'Suunto', sdk: false, types: t('ads') },
  { provider: 'COROS', name: 'COROS', sdk: false, types: t('ads') },
  { provider: 'STRAVA', name: 'Strava', sdk: false, types: t('a') },
  { provider: 'PELOTON', name: 'Peloton', sdk: false, types: t('a') },
  { provider: 'WAHOO', name: 'Wahoo', sdk: false, types: t('a') },
  { provider: 'ZWIFT', name: 'Zwift', sdk: false, types: t('a') },
  { provider: 'CONCEPT2', name: 'Concept2', sdk: false, types: t('a') },
  { provider: 'TRAININGPEAKS', name: 'TrainingPeaks', sdk: false, types: t('ab') },
  { provider: 'ULTRAHUMAN', name: 'Ultrahuman', sdk: false, types: t('abds') },
  { provider: 'EIGHT', name: 'Eight Sleep', sdk: false, types: t('s') },
  { provider: 'DEXCOM', name: 'Dexcom', sdk: false, types: t('b') },
  { provider: 'FREESTYLELIBRE', name: 'FreeStyle Libre', sdk: false, types: t('b') },
  { provider: 'OMRON', name: 'Omron', sdk: false, types: t('b') },
  { provider: 'MYFITNESSPAL', name: 'MyFitnessPal', sdk: false, types: t('n') },
  { provider: 'CRONOMETER', name: 'Cronometer', sdk: false, types: t('n') },
  { provider: 'APPLE', name: 'Apple Health', sdk: true, types: t('abndsm') },
  { provider: 'SAMSUNG', name: 'Samsung Health', sdk: true, types: t('abnds') },
  { provider: 'HEALTH_CONNECT', name: 'Health Connect', sdk: true, types: t('abndsm') },
];

const BY_ID = new Map(PROVIDERS.map((p) => [p.provider, p]));

/** The provider with this resource id (case-insensitive). */
export function findProvider(resource: string): ProviderInfo | undefined {
  return BY_ID.get(resource.trim().toUpperCase());
}
