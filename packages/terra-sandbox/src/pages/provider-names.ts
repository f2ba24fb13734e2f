import { findProvider, PROVIDERS } from '../providers/index.js';

/**
 * Providers the widget offers when a session requested none: the cloud integrations. SDK-only ones
 * (Apple Health, Samsung Health, Health Connect) connect from a phone app, never through the widget.
 */
export const WIDGET_PROVIDERS: readonly string[] = PROVIDERS.filter((p) => !p.sdk).map((p) => p.provider);

/**
 * The human name of a Terra resource id (`GARMIN` -> `Garmin`); ids the sandbox does not know become
 * title case (`NEW_BRAND` -> `New Brand`) so a page never fails over a name.
 */
export function providerDisplayName(resource: string): string {
  const known = findProvider(resource);
  if (known) return known.name;
  return resource
    .trim()
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}
