/**
 * Builds the URL the connect flow sends the browser to: the developer's redirect URL with Terra's query
 * parameters set on it. Returns `undefined` for anything that is not an absolute http(s) URL, so a
 * `javascript:` or `data:` URL planted in a session can never be followed.
 */
export function buildRedirectUrl(
  target: string | null | undefined,
  params: Record<string, string | null | undefined>,
): string | undefined {
  if (!target) return undefined;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(name, value);
  }
  return url.href;
}
