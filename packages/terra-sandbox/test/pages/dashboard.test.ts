import { randomUUID } from 'node:crypto';
import { startSandbox } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';
import { usePageHarness } from './support/page-harness.js';
import { generateWidgetSession } from './support/terra-api.js';

const API_KEY = `dashboard-key-${randomUUID()}`;
const SECRET = `dashboard-secret-${randomUUID()}`;
const GARMIN_USER = 'd1a2b3c4-0000-4000-8000-000000000001';
const OURA_USER = 'd1a2b3c4-0000-4000-8000-000000000002';
const CHARTS = ['heart-rate', 'sleep', 'steps'] as const;

const harness = usePageHarness({
  apiKey: API_KEY,
  secret: SECRET,
  users: [
    { provider: 'GARMIN', user_id: GARMIN_USER, reference_id: 'dash-garmin' },
    { provider: 'OURA', user_id: OURA_USER, reference_id: 'dash-oura' },
  ],
});

interface ChartsBody {
  heart_rate: { x: number[]; y: number[] };
  sleep: { x: number[]; y: number[] };
  steps: { x: number[]; y: number[]; days: string[] };
}

/**
 * Fetches a sandbox URL the way the dashboard's script does: with the token its page carries (issue 12:
 * the dashboard's data is no longer open to any caller).
 */
async function dashboardFetch(url: string): Promise<Response> {
  const page = await (await fetch(`${harness.sandbox.url}/dashboard`)).text();
  const token = /data-token="([^"]+)"/.exec(page)?.[1] ?? '';
  return fetch(url, { headers: { 'x-sandbox-dashboard-token': token } });
}

async function chartsOf(userId: string): Promise<ChartsBody> {
  const response = await dashboardFetch(`${harness.sandbox.url}/dashboard/api/users/${userId}/charts`);
  expect(response.status).toBe(200);
  return (await response.json()) as ChartsBody;
}

/** Size of the chart's canvas and how many of its pixels are drawn (not transparent). */
function canvasInk(name: string) {
  return harness.page.evaluate((chart) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-chart="${chart}"] canvas`);
    if (!canvas) return { width: 0, height: 0, inked: 0 };
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) inked++;
    return { width: canvas.width, height: canvas.height, inked };
  }, name);
}

describe('dashboard', () => {
  it('lists every connection with provider, ids, created_at and active state', async () => {
    const response = await harness.page.goto(`${harness.sandbox.url}/dashboard`);
    expect(response?.status()).toBe(200);
    const row = harness.page.locator(`tr[data-user-id="${GARMIN_USER}"]`);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('GARMIN');
    expect(text).toContain(GARMIN_USER);
    expect(text).toContain('dash-garmin');
    expect(text).toContain('active');
    const user = harness.sandbox.users().find((u) => u.user_id === GARMIN_USER);
    // created_at in the pages' one date format (issue 17: raw ISO was one of three formats); ISO stays in datetime.
    const created = row.locator('time');
    expect(await created.getAttribute('datetime')).toBe(user?.created_at);
    expect(await created.textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}$/);
    expect(await harness.page.locator('tr[data-user-id]').count()).toBe(harness.sandbox.users().length);
  });

  it('shows deliveries with status, attempts and an expandable payload, and picks up new ones without a reload', async () => {
    const first = harness.sandbox.triggerEvent('auth', GARMIN_USER);
    await harness.sandbox.waitForDeliveries((all) =>
      all.some((d) => d.id === first.id && d.status === 'delivered'),
    );
    await harness.page.goto(`${harness.sandbox.url}/dashboard`);
    const row = harness.page.locator(`tr[data-delivery-id="${first.id}"]`);
    expect(await row.getAttribute('data-delivery-status')).toBe('delivered');
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[1]).toBe('auth');
    expect(cells[3]).toBe('delivered');
    expect(cells[4]).toBe('1');
    expect(cells[5]).toBe('200');

    const payload = harness.page.locator(`details[data-delivery-id="${first.id}"]`);
    await payload.locator('summary').click();
    const pre = payload.locator('pre');
    await expect.poll(() => pre.isVisible()).toBe(true);
    // The payload is fetched when the row opens ("Loading..." until then); data-state says it has arrived.
    await expect.poll(() => pre.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    const shown = JSON.parse((await pre.textContent()) ?? '');
    expect(shown).toEqual(JSON.parse(first.payload));
    expect(await pre.textContent()).toContain('\n  "type": "auth"');

    // A new event appears through the page's own polling; the open payload stays open.
    const second = harness.sandbox.triggerEvent('connection_error', OURA_USER);
    const fresh = harness.page.locator(`tr[data-delivery-id="${second.id}"]`);
    await fresh.waitFor({ timeout: 10_000 });
    expect(await fresh.getAttribute('data-delivery-type')).toBe('connection_error');
    expect(
      await harness.page.locator(`details[data-delivery-id="${first.id}"]`).getAttribute('open'),
    ).not.toBeNull();
  });

  it('shows a user connected through the widget without a reload', async () => {
    await harness.page.goto(`${harness.sandbox.url}/dashboard`);
    const session = await generateWidgetSession(harness.sandbox, {
      providers: 'POLAR',
      reference_id: 'dash-live',
    });
    const posted = await fetch(`${session.url}/POLAR`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=allow',
    });
    expect(posted.status).toBe(200);
    const user = harness.sandbox.users().find((u) => u.reference_id === 'dash-live');
    await harness.page.locator(`tr[data-user-id="${user?.user_id}"]`).waitFor({ timeout: 10_000 });
  });

  it('draws heart rate, sleep stages and steps for the selected user', async () => {
    const expected = await chartsOf(GARMIN_USER);
    expect(expected.heart_rate.x.length).toBeGreaterThan(1);
    expect(expected.sleep.x.length).toBeGreaterThan(1);
    expect(expected.steps.x.length).toBe(14);

    await harness.page.goto(`${harness.sandbox.url}/dashboard?user_id=${GARMIN_USER}`);
    for (const name of CHARTS) {
      await harness.page.locator(`[data-chart="${name}"][data-state="ready"]`).waitFor({ timeout: 10_000 });
    }
    const points = await harness.page.$$eval('[data-chart]', (boxes) =>
      Object.fromEntries(
        boxes.map((box) => [box.getAttribute('data-chart'), Number(box.getAttribute('data-points'))]),
      ),
    );
    expect(points).toEqual({
      'heart-rate': expected.heart_rate.x.length,
      sleep: expected.sleep.x.length,
      steps: 14,
    });
    for (const name of CHARTS) {
      const ink = await canvasInk(name);
      expect(ink.width, name).toBeGreaterThan(100);
      expect(ink.height, name).toBeGreaterThan(100);
      expect(ink.inked, name).toBeGreaterThan(500);
    }
  });

  it('switches the charts to the user whose Charts button is pressed', async () => {
    await harness.page.goto(`${harness.sandbox.url}/dashboard?user_id=${GARMIN_USER}`);
    await harness.page.locator('[data-chart="steps"][data-state="ready"]').waitFor();
    await harness.page.locator(`button[data-chart-user="${OURA_USER}"]`).click();
    await expect.poll(() => new URL(harness.page.url()).searchParams.get('user_id')).toBe(OURA_USER);
    await expect
      .poll(() => harness.page.locator('[data-charts-status]').textContent())
      .toBe(`user_id ${OURA_USER}`);
    expect(await harness.page.locator(`tr[data-user-id="${OURA_USER}"]`).getAttribute('class')).toBe(
      'selected',
    );
    const expected = await chartsOf(OURA_USER);
    await expect
      .poll(() => harness.page.locator('[data-chart="steps"]').getAttribute('data-points'))
      .toBe(String(expected.steps.x.length));
  });
});

describe('dashboard without users', () => {
  it('says how to get users and leaves the charts empty with a reason', async () => {
    const empty = await startSandbox({ port: 0, users: [] });
    try {
      await harness.page.goto(`${empty.url}/dashboard`);
      expect(await harness.page.locator('[data-partial="users"]').textContent()).toContain('No users yet');
      expect(await harness.page.locator('[data-partial="deliveries"]').textContent()).toContain(
        'No webhooks sent yet',
      );
      for (const name of CHARTS) {
        const box = harness.page.locator(`[data-chart="${name}"][data-state="empty"]`);
        await box.waitFor();
        expect(await box.locator('[data-chart-caption]').textContent()).toBe('Connect a user to see charts.');
        expect(await box.locator('canvas').count()).toBe(0);
      }
    } finally {
      await empty.close();
    }
  });
});

describe('dashboard JSON API', () => {
  it('validates the days parameter and the user id of the charts endpoint', async () => {
    const bad = await dashboardFetch(
      `${harness.sandbox.url}/dashboard/api/users/${GARMIN_USER}/charts?days=0`,
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain(
      'days must be a whole number from 1 to 30',
    );
    const unknown = await dashboardFetch(`${harness.sandbox.url}/dashboard/api/users/nobody/charts`);
    expect(unknown.status).toBe(404);
    const month = await dashboardFetch(
      `${harness.sandbox.url}/dashboard/api/users/${GARMIN_USER}/charts?days=30`,
    );
    expect(((await month.json()) as ChartsBody).steps.days).toHaveLength(30);
  });

  it('lists deliveries newest first and serves one with its payload', async () => {
    const delivery = harness.sandbox.triggerEvent('auth', OURA_USER);
    const list = (await (await dashboardFetch(`${harness.sandbox.url}/dashboard/api/deliveries`)).json()) as {
      deliveries: { id: string; payload_bytes: number }[];
    };
    expect(list.deliveries[0]?.id).toBe(delivery.id);
    expect(list.deliveries[0]?.payload_bytes).toBe(Buffer.byteLength(delivery.payload));
    const one = (await (
      await dashboardFetch(`${harness.sandbox.url}/dashboard/api/deliveries/${delivery.id}`)
    ).json()) as {
      payload: unknown;
    };
    expect(one.payload).toEqual(JSON.parse(delivery.payload));
  });
});

describe('secrets', () => {
  it('never puts the API key or the signing secret into a page, a partial, an asset or dashboard JSON', async () => {
    const session = await generateWidgetSession(harness.sandbox, { providers: 'GARMIN' });
    const urls = [
      session.url,
      `${session.url}/GARMIN`,
      `${harness.sandbox.url}/dashboard`,
      `${harness.sandbox.url}/dashboard/partials/users`,
      `${harness.sandbox.url}/dashboard/partials/deliveries`,
      `${harness.sandbox.url}/dashboard/api/users`,
      `${harness.sandbox.url}/dashboard/api/deliveries`,
      `${harness.sandbox.url}/dashboard/api/users/${GARMIN_USER}/charts`,
      `${harness.sandbox.url}/assets/dashboard.js`,
      ...harness.sandbox.deliveries().map((d) => `${harness.sandbox.url}/dashboard/api/deliveries/${d.id}`),
    ];
    for (const url of urls) {
      const response = await dashboardFetch(url);
      expect(response.status, url).toBe(200);
      const text = await response.text();
      expect(text, url).not.toContain(API_KEY);
      expect(text, url).not.toContain(SECRET);
    }
    await harness.page.goto(`${harness.sandbox.url}/dashboard`);
    await harness.page.locator('[data-chart="steps"][data-state="ready"]').waitFor();
    const rendered = await harness.page.content();
    expect(rendered).not.toContain(API_KEY);
    expect(rendered).not.toContain(SECRET);
  });
});
