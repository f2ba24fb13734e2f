/**
 * Recognisable fake credentials: any of these strings turning up in an error, a log line or a page is a leak.
 * Distinct from every other test's credentials so a hit points here.
 */
export const CANARY_API_KEY = 'tk_canary_APIKEY_7c1d2e3f4a5b6c7d';
export const CANARY_DEV_ID = 'canary-dev-id';
export const CANARY_WEBHOOK_SECRET = 'whsec_canary_SECRET_0a9b8c7d6e5f';
export const CANARY_ROTATED_SECRET = 'whsec_canary_ROTATED_1f2e3d4c5b6a';

/** Every canary that must never be shown. */
export const CANARIES = [CANARY_API_KEY, CANARY_WEBHOOK_SECRET, CANARY_ROTATED_SECRET] as const;

/** The canaries found in `text`. */
export function leakedIn(text: string): string[] {
  return CANARIES.filter((canary) => text.includes(canary));
}
