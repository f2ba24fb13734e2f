/**
 * Walks the sandbox's connect widget over plain HTTP, the way a person's browser would: open the
 * session page, open the provider's consent screen, press "Allow", follow the redirect.
 *
 * @returns the `user_id` Terra put on the success redirect.
 */
export async function connectThroughWidget(widgetUrl: string, provider: string): Promise<string> {
  const list = await fetch(widgetUrl);
  const listHtml = await list.text();
  if (!list.ok || !listHtml.includes(provider)) {
    throw new Error(`the widget at ${widgetUrl} did not offer ${provider} (HTTP ${list.status})`);
  }
  const consentUrl = `${widgetUrl}/${encodeURIComponent(provider)}`;
  const consent = await fetch(consentUrl);
  if (!consent.ok) throw new Error(`the consent screen ${consentUrl} answered HTTP ${consent.status}`);
  await consent.text();
  const allow = await fetch(consentUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'decision=allow',
    redirect: 'manual',
  });
  const location = allow.headers.get('location');
  if (!location) throw new Error(`pressing Allow did not redirect (HTTP ${allow.status})`);
  const userId = new URL(location).searchParams.get('user_id');
  if (!userId) throw new Error(`the success redirect carried no user_id: ${location}`);
  return userId;
}
