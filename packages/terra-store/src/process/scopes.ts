/** Terra's scopes string (`"ACTIVITY_EXPORT,HEALTH_EXPORT"`, sometimes space separated) as a list. */
export function parseScopes(scopes: unknown): string[] {
  if (Array.isArray(scopes)) return scopes.filter((s): s is string => typeof s === 'string' && s !== '');
  if (typeof scopes !== 'string') return [];
  return scopes
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
