import { findProvider } from '../providers/index.js';
import { escapeHtml } from './html.js';

// A stable hue per provider so each one keeps its colour across pages and restarts.
function hue(id: string): number {
  let h = 0;
  for (const char of id) h = (h * 31 + char.charCodeAt(0)) % 360;
  return h;
}

/**
 * A placeholder logo for a provider (its initial on a coloured tile), served as
 * `/assets/providers/<provider>.svg` and named by `/integrations/detailed`'s `icon`. Real logos are
 * trademarks, so the sandbox draws its own. Undefined for a provider the sandbox does not offer.
 */
export function providerIconSvg(fileName: string): string | undefined {
  const match = /^([a-z0-9_]+)\.svg$/i.exec(fileName);
  const provider = match?.[1] ? findProvider(match[1]) : undefined;
  if (!provider) return undefined;
  const initial = escapeHtml(provider.name.charAt(0).toUpperCase());
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="${escapeHtml(provider.name)}">
<rect width="64" height="64" rx="14" fill="hsl(${hue(provider.provider)} 55% 42%)"/>
<text x="32" y="42" font-family="system-ui, sans-serif" font-size="30" font-weight="700" fill="#fff" text-anchor="middle">${initial}</text>
</svg>
`;
}

/** The path of a provider's placeholder logo. */
export function providerIconPath(provider: string): string {
  return `/assets/providers/${encodeURIComponent(provider.toLowerCase())}.svg`;
}
