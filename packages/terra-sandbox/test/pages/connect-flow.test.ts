import { randomUUID } from 'node:crypto';
import { Terra } from 'terra-ts';
import { describe, expect, it, vi } from 'vitest';
import { usePageHarness } from './support/page-harness.js';
import { callTerra, generateWidgetSession } from './support/terra-api.js';
import { hasValidTerraSignature } from './support/webhook-receiver.js';

const API_KEY = `pages-test-key-${randomUUID()}`;
const SECRET = `pages-test-secret-${randomUUID()}`;

const harness = usePageHarness({
  apiKey: API_KEY,
  secret: SECRET,
  users: [],
});

function expectNoSecrets(markup: string): void {
  expect(markup).not.toContain(API_KEY);
  expect(markup).not.toContain(SECRET);
}

describe('widget connect flow', () => {
  it('lists the requested providers, connects one on Allow and lands on the success URL like Terra', async () => {
    const referenceId = `ref-${randomUUID()}`;
    const terra = new Terra({
      apiKey: harness.sandbox.apiKey,
      devId: harness.sandbox.devId,
      secret: SECRET,
      baseUrl: harness.sandbox.baseUrl,
    });
    const session = (
      await terra.generateWidgetSession({
        providers: ['GARMIN', 'OURA'],
        referenceId,
        authSuccessRedirectUrl: `${harness.receiver.url}/success`,
        authFailureRedirectUrl: `${harness.receiver.url}/failure`,
      })
    ).getParsedResponse();
    expect(session.url).toBe(`${harness.sandbox.url}/widget/${session.session_id}`);

    const response = await harness.page.goto(session.url ?? '');
    expect(response?.status()).toBe(200);
    expect(await harness.page.getAttribute('html', 'lang')).toBe('en');
    expect(await harness.page.locator('a.provider').allInnerTexts()).toEqual(['Garmin', 'Oura']);
    expectNoSecrets(await harness.page.content());

    await harness.page.getByRole('link', { name: 'Connect Garmin' }).click();
    await expect.poll(() => harness.page.locator('h1').textContent()).toBe('Garmin Connect (sandbox)');
    await expect(harness.page.getByText('Allow Terra to read your data?').count()).resolves.toBe(1);
    expectNoSecrets(await harness.page.content());

    await harness.page.getByRole('button', { name: 'Allow' }).click();
    await harness.page.waitForURL((url) => url.pathname === '/success');
    const landed = new URL(harness.page.url());
    expect(landed.origin).toBe(harness.receiver.url);
    const userId = landed.searchParams.get('user_id');
    expect(userId).toBeTruthy();
    expect(landed.searchParams.get('resource')).toBe('GARMIN');
    expect(landed.searchParams.get('reference_id')).toBe(referenceId);

    const info = await callTerra(harness.sandbox, 'GET', `/userInfo?user_id=${userId}`);
    expect(info.status).toBe(200);
    const { user } = info.json as { user: { user_id: string; provider: string; reference_id: string } };
    expect(user).toMatchObject({ user_id: userId, provider: 'GARMIN', reference_id: referenceId });

    const hook = await harness.receiver.waitFor(
      (h) => h.json.type === 'auth' && (h.json.user as { user_id?: string })?.user_id === userId,
    );
    expect(hasValidTerraSignature(hook, SECRET)).toBe(true);
    expect(await terra.checkTerraSignature(hook.body, hook.headers['terra-signature'] as string)).toBe(true);
    expect(hook.json).toMatchObject({
      type: 'auth',
      status: 'success',
      widget_session_id: session.session_id,
      user: { user_id: userId, provider: 'GARMIN', reference_id: referenceId },
    });
  });

  it('sends auth_cancelled and lands on the failure URL when the user denies', async () => {
    const referenceId = `deny-${randomUUID()}`;
    const session = await generateWidgetSession(harness.sandbox, {
      providers: 'FITBIT',
      reference_id: referenceId,
      auth_success_redirect_url: `${harness.receiver.url}/success`,
      auth_failure_redirect_url: `${harness.receiver.url}/failure`,
    });
    await harness.page.goto(session.url);
    await harness.page.getByRole('link', { name: 'Connect Fitbit' }).click();
    await harness.page.getByRole('button', { name: 'Deny' }).click();
    await harness.page.waitForURL((url) => url.pathname === '/failure');
    const landed = new URL(harness.page.url());
    expect(landed.searchParams.get('reference_id')).toBe(referenceId);
    expect(landed.searchParams.get('resource')).toBe('FITBIT');
    expect(landed.searchParams.get('user_id')).toBeNull();

    const hook = await harness.receiver.waitFor(
      (h) => h.json.type === 'auth_cancelled' && h.json.reference_id === referenceId,
    );
    expect(hasValidTerraSignature(hook, SECRET)).toBe(true);
    expect(hook.json).toMatchObject({
      type: 'auth_cancelled',
      status: 'error',
      reason: 'access_denied',
      flow_id: session.session_id,
    });
    expect(hook.json.user).toBeUndefined();
    expect(harness.sandbox.users().filter((u) => u.reference_id === referenceId)).toEqual([]);
  });

  it('shows a result page instead of redirecting when the session has no redirect URLs', async () => {
    const session = await generateWidgetSession(harness.sandbox, {
      providers: 'OURA',
      reference_id: 'no-redirect',
    });
    await harness.page.goto(session.url);
    await harness.page.getByRole('link', { name: 'Connect Oura' }).click();
    await harness.page.getByRole('button', { name: 'Allow' }).click();
    await expect.poll(() => harness.page.locator('h1').textContent()).toBe('Connected');
    const userId = await harness.page.locator('[data-field="user_id"]').textContent();
    expect(harness.sandbox.users().find((u) => u.user_id === userId)?.reference_id).toBe('no-redirect');
  });

  it('ends the session once used, so the link shows an error page', async () => {
    const session = await generateWidgetSession(harness.sandbox, { providers: 'POLAR' });
    await harness.page.goto(session.url);
    await harness.page.getByRole('link', { name: 'Connect Polar' }).click();
    await harness.page.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => harness.page.locator('h1').textContent()).toBe('Connection cancelled');
    const again = await harness.page.goto(session.url);
    expect(again?.status()).toBe(404);
    expect(await harness.page.locator('h1').textContent()).toBe('This connection link is not valid');
  });

  it('shows a clear 404 error page for an unknown session', async () => {
    const response = await harness.page.goto(`${harness.sandbox.url}/widget/${randomUUID()}`);
    expect(response?.status()).toBe(404);
    expect(await harness.page.locator('h1').textContent()).toBe('This connection link is not valid');
    expect(await harness.page.locator('main').textContent()).toContain('generateWidgetSession');
  });

  it('shows a 410 error page once the session is past its 15 minutes', async () => {
    const session = await generateWidgetSession(harness.sandbox, { providers: 'GARMIN' });
    const usersBefore = harness.sandbox.users().length;
    const deliveriesBefore = harness.sandbox.deliveries().length;
    // Only the sandbox's clock moves (it runs in this process); the browser and timers are untouched.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 16 * 60 * 1000);
      const response = await harness.page.goto(session.url);
      expect(response?.status()).toBe(410);
      expect(await harness.page.locator('h1').textContent()).toBe('This connection link has expired');
      const consent = await fetch(`${session.url}/GARMIN`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'decision=allow',
      });
      expect(consent.status).toBe(410);
    } finally {
      vi.useRealTimers();
    }
    expect(harness.sandbox.users()).toHaveLength(usersBefore);
    expect(harness.sandbox.deliveries()).toHaveLength(deliveriesBefore);
  });

  it('offers every provider when the session requested none', async () => {
    const session = await generateWidgetSession(harness.sandbox, {});
    await harness.page.goto(session.url);
    const names = await harness.page.locator('a.provider').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['Garmin', 'Fitbit', 'Oura', 'WHOOP', 'Polar', 'Withings']));
  });

  it('speaks the session language', async () => {
    const session = await generateWidgetSession(harness.sandbox, { providers: 'GARMIN', language: 'es' });
    await harness.page.goto(session.url);
    expect(await harness.page.getAttribute('html', 'lang')).toBe('es');
    expect(await harness.page.locator('h1').textContent()).toBe('Conecta tu dispositivo');
    await harness.page.locator('a.provider').click();
    await expect(harness.page.getByRole('button', { name: 'Permitir' }).count()).resolves.toBe(1);
  });

  it('escapes attacker-controlled reference ids and never follows a non-http redirect URL', async () => {
    const referenceId =
      '"><img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
    const session = await generateWidgetSession(harness.sandbox, {
      providers: 'GARMIN',
      reference_id: referenceId,
      auth_success_redirect_url: 'javascript:document.title="pwned"',
    });
    await harness.page.goto(session.url);
    await harness.page.locator('a.provider').click();
    await harness.page.getByRole('button', { name: 'Allow' }).click();
    await expect.poll(() => harness.page.locator('h1').textContent()).toBe('Connected');
    expect(new URL(harness.page.url()).origin).toBe(harness.sandbox.url);
    expect(await harness.page.locator('[data-field="reference_id"]').textContent()).toBe(referenceId);
    expect(await harness.page.locator('[data-field="ignored-redirect"]').textContent()).toContain(
      'auth_success_redirect_url is not an absolute http(s) URL',
    );
    expect(await harness.page.title()).not.toBe('pwned');
    expect(await harness.page.locator('img[src="x"], main script').count()).toBe(0);
  });
});

describe('authenticateUser connect flow', () => {
  it('opens the provider consent screen directly and creates the user_id it promised', async () => {
    const { status, json } = await callTerra(
      harness.sandbox,
      'POST',
      '/auth/authenticateUser?resource=WHOOP',
      {
        reference_id: 'auth-url-ref',
        auth_success_redirect_url: `${harness.receiver.url}/success`,
      },
    );
    expect(status).toBe(200);
    const { auth_url: authUrl, user_id: promised } = json as { auth_url: string; user_id: string };
    await harness.page.goto(authUrl);
    expect(await harness.page.locator('h1').textContent()).toBe('WHOOP Connect (sandbox)');
    expect(await harness.page.getByRole('link', { name: 'Choose another service' }).count()).toBe(0);
    await harness.page.getByRole('button', { name: 'Allow' }).click();
    await harness.page.waitForURL((url) => url.pathname === '/success');
    const landed = new URL(harness.page.url());
    expect(landed.searchParams.get('user_id')).toBe(promised);
    expect(landed.searchParams.get('resource')).toBe('WHOOP');
    expect(landed.searchParams.get('reference_id')).toBe('auth-url-ref');
  });
});

describe('consent form endpoint', () => {
  it('answers 400 and changes nothing when the form carries no decision', async () => {
    const session = await generateWidgetSession(harness.sandbox, { providers: 'GARMIN' });
    const before = harness.sandbox.deliveries().length;
    const response = await fetch(`${session.url}/GARMIN`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=maybe',
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('decision=allow or decision=deny');
    expect(harness.sandbox.deliveries().length).toBe(before);
    expect((await fetch(session.url)).status).toBe(200);
  });

  it('refuses a provider the session did not offer', async () => {
    const session = await generateWidgetSession(harness.sandbox, { providers: 'GARMIN' });
    const response = await fetch(`${session.url}/OURA`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('OURA was not offered by this session');
  });

  it('redirects with 303 so the browser follows the POST with a GET', async () => {
    const session = await generateWidgetSession(harness.sandbox, {
      providers: 'GARMIN',
      auth_success_redirect_url: `${harness.receiver.url}/success?from=test`,
    });
    const response = await fetch(`${session.url}/GARMIN`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=allow',
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('from')).toBe('test');
    expect(location.searchParams.get('resource')).toBe('GARMIN');
  });
});

describe('page headers', () => {
  it('sends a strict content security policy, no referrer and no caching on connect pages', async () => {
    const session = await generateWidgetSession(harness.sandbox, { providers: 'GARMIN' });
    const response = await fetch(session.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
