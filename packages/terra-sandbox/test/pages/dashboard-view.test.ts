import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePageHarness } from './support/page-harness.js';

// What a person sees on the dashboard (issue 17), in headless Chromium at a desktop and a phone width.
const GARMIN = 'e1a2b3c4-0000-4000-8000-000000000001';
const EIGHT = 'e1a2b3c4-0000-4000-8000-000000000002';
const NAP_CANDIDATES = ['APPLE', 'SAMSUNG', 'GOOGLE', 'WITHINGS', 'OURA', 'POLAR'].map((provider, i) => ({
  provider,
  user_id: `e1a2b3c4-0000-4000-8000-00000000010${i}`,
}));
const WIDTHS = [1280, 390] as const;
const CHARTS = ['heart-rate', 'sleep', 'steps'] as const;
// The pages' one date format: local wall clock with its offset.
const DATE_FORMAT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}$/;

const harness = usePageHarness({
  apiKey: 'dashboard-view-key',
  secret: 'dashboard-view-secret',
  users: [
    { provider: 'GARMIN', user_id: GARMIN, reference_id: 'view-garmin' },
    { provider: 'EIGHT', user_id: EIGHT, reference_id: 'view-eight' },
    ...NAP_CANDIDATES,
  ],
});

let shots = '';
beforeAll(async () => {
  shots =
    process.env.TERRA_SCREENSHOT_DIR ?? (await mkdtemp(join(tmpdir(), 'terra-sandbox-dashboard-shots-')));
});
afterAll(async () => {
  if (!process.env.TERRA_SCREENSHOT_DIR) await rm(shots, { recursive: true, force: true });
});

async function openDashboard(page: Page, width: number, query = ''): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(`${harness.sandbox.url}/dashboard${query}`);
  expect(response?.status()).toBe(200);
}

async function chartsReady(page: Page): Promise<void> {
  for (const name of CHARTS) await page.locator(`[data-chart="${name}"][data-state="ready"]`).waitFor();
}

interface Box {
  text: string;
  axis: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The axis labels a person can see on a chart, with their boxes, and the chart's own box. */
function axisLabels(page: Page, chart: string): Promise<{ labels: Box[]; chart: DOMRect }> {
  return page.evaluate((name) => {
    const box = document.querySelector(`[data-chart="${name}"]`) as HTMLElement;
    const labels = Array.from(box.querySelectorAll<HTMLElement>('.axis-label'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          text: el.textContent ?? '',
          axis: el.dataset.axis ?? '',
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
        };
      });
    return { labels, chart: box.getBoundingClientRect().toJSON() as DOMRect };
  }, chart);
}

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('dashboard charts, as seen at 1280 and 390 px', () => {
  for (const width of WIDTHS) {
    it(`at ${width} px: axis labels are readable (none overlap, all inside the chart) and a tooltip shows the value on hover`, async () => {
      const { page } = harness;
      await openDashboard(page, width, `?user_id=${GARMIN}`);
      await chartsReady(page);
      await page.screenshot({ path: join(shots, `dashboard-${width}.png`), fullPage: true });
      for (const name of CHARTS) {
        const { labels, chart } = await axisLabels(page, name);
        for (const axis of ['x', 'y']) {
          expect(
            labels.filter((l) => l.axis === axis).length,
            `${name} ${axis} labels`,
          ).toBeGreaterThanOrEqual(2);
        }
        for (const [i, a] of labels.entries()) {
          expect(a.left, `${name} "${a.text}" inside`).toBeGreaterThanOrEqual(chart.left - 1);
          expect(a.right, `${name} "${a.text}" inside`).toBeLessThanOrEqual(chart.right + 1);
          for (const b of labels.slice(i + 1))
            expect(overlap(a, b), `${name}: "${a.text}" vs "${b.text}"`).toBe(false);
        }
      }
      const hr = await axisLabels(page, 'heart-rate');
      for (const label of hr.labels.filter((l) => l.axis === 'x'))
        expect(label.text).toMatch(/^\d{2}:\d{2}$/);
      for (const label of hr.labels.filter((l) => l.axis === 'y')) expect(label.text).toMatch(/^\d+ bpm$/);

      const expected = {
        'heart-rate': /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2} · \d+ bpm$/,
        sleep: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2} · (Deep|Light|REM|Awake)$/,
        steps: /^\d{4}-\d{2}-\d{2} · [\d,]+ steps$/,
      };
      for (const name of CHARTS) {
        const over = page.locator(`[data-chart="${name}"] .u-over`);
        await over.scrollIntoViewIfNeeded();
        const box = await over.boundingBox();
        if (!box) throw new Error(`${name}: no plot area`);
        await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
        const tip = page.locator(`[data-chart="${name}"] .chart-tooltip`);
        await expect.poll(() => tip.isVisible(), { message: `${name} tooltip` }).toBe(true);
        expect(await tip.textContent()).toMatch(expected[name]);
        const tipBox = await tip.boundingBox();
        expect(tipBox && tipBox.x >= box.x - 1 && tipBox.x + tipBox.width <= box.x + box.width + 1).toBe(
          true,
        );
        await page.mouse.move(0, 0);
        await expect.poll(() => tip.isVisible()).toBe(false);
      }
    });
  }

  it('the tooltip value is the data value under the cursor', async () => {
    const { page } = harness;
    await openDashboard(page, 1280, `?user_id=${GARMIN}`);
    await chartsReady(page);
    const token = await page.locator('[data-dashboard]').getAttribute('data-token');
    const charts = (await (
      await fetch(`${harness.sandbox.url}/dashboard/api/users/${GARMIN}/charts`, {
        headers: { 'x-sandbox-dashboard-token': token ?? '' },
      })
    ).json()) as { steps: { days: string[]; y: (number | null)[] } };
    await page.locator('[data-chart="steps"] .u-over').scrollIntoViewIfNeeded();
    const box = await page.locator('[data-chart="steps"] .u-over').boundingBox();
    if (!box) throw new Error('no steps plot');
    // The last bar sits at the right end of the plot (half a day of padding each side, 14 days).
    await page.mouse.move(box.x + box.width * (13.5 / 14), box.y + box.height / 2);
    const last = charts.steps.y.length - 1;
    await expect
      .poll(() => page.locator('[data-chart="steps"] .chart-tooltip').textContent())
      .toBe(`${charts.steps.days[last]} · ${(charts.steps.y[last] ?? 0).toLocaleString('en')} steps`);
  });

  it('shows sensible empty states: no steps chart with a 0-1 axis for a user without steps', async () => {
    const { page } = harness;
    for (const width of WIDTHS) {
      await openDashboard(page, width, `?user_id=${EIGHT}`);
      const steps = page.locator('[data-chart="steps"][data-state="empty"]');
      await steps.waitFor();
      expect(await steps.locator('[data-chart-empty]').textContent()).toBe(
        'No steps recorded in the last 14 days.',
      );
      expect(await steps.locator('[data-chart-empty]').isVisible()).toBe(true);
      expect(await steps.locator('canvas').count()).toBe(0);
      expect(await steps.locator('.axis-label').count()).toBe(0);
      const hr = page.locator('[data-chart="heart-rate"][data-state="empty"]');
      await hr.waitFor();
      expect(await hr.locator('[data-chart-empty]').textContent()).toBe(
        'No workout with heart-rate samples in the last 14 days.',
      );
      await page.locator('[data-chart="sleep"][data-state="ready"]').waitFor();
      await page.screenshot({ path: join(shots, `dashboard-empty-steps-${width}.png`), fullPage: true });
    }
  });

  it('says clearly that a user_id is unknown instead of showing the first user', async () => {
    const { page } = harness;
    await openDashboard(page, 390, '?user_id=no-such-user');
    const notice = page.locator('[data-user-notice]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toBe(
      'No user with user_id no-such-user. Check the id, or pick a user from the table below.',
    );
    await page.locator('[data-chart="steps"][data-state="empty"]').waitFor();
    expect(await page.locator('[data-chart="steps"] [data-chart-caption]').textContent()).toBe(
      'Pick a user to see charts.',
    );
    // A refresh of the tables comes and goes; still nobody is picked behind the person's back.
    await page.waitForResponse((r) => r.url().endsWith('/dashboard/partials/users'));
    await page.waitForTimeout(300);
    expect(await page.locator('tr[data-user-id].selected').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('user_id')).toBe('no-such-user');
    await page.screenshot({ path: join(shots, 'dashboard-unknown-user-390.png'), fullPage: true });
    // Picking a user clears the message.
    await page.locator(`button[data-chart-user="${GARMIN}"]`).click();
    await expect.poll(() => notice.isVisible()).toBe(false);
  });

  it('marks naps in the sleep table, apart from nights', async () => {
    const { page } = harness;
    let found = false;
    for (const { user_id } of [{ user_id: GARMIN }, ...NAP_CANDIDATES]) {
      await openDashboard(page, 1280, `?user_id=${user_id}`);
      await page.locator('[data-sleep-rows] tr').first().waitFor();
      const naps = page.locator('[data-sleep-rows] tr[data-nap="true"]');
      if ((await naps.count()) === 0) continue;
      found = true;
      const cells = await naps.first().locator('td').allInnerTexts();
      expect(cells[0]).toMatch(DATE_FORMAT);
      expect(cells[1]).toMatch(DATE_FORMAT);
      expect(cells[2]).toMatch(/^(\d+ h )?\d+ min$/);
      expect(cells[3]).toBe('nap');
      const nights = await page
        .locator('[data-sleep-rows] tr[data-nap="false"] td:last-child')
        .allInnerTexts();
      expect(nights.length).toBeGreaterThan(0);
      expect(new Set(nights)).toEqual(new Set(['night']));
      break;
    }
    expect(found, 'some user among seven has a nap in the last 7 days').toBe(true);
  });

  it('shows every time in one format: the wall clock with its UTC offset', async () => {
    const { page } = harness;
    harness.sandbox.triggerEvent('auth', GARMIN);
    await harness.sandbox.waitForDeliveries((all) => all.some((d) => d.status === 'delivered'));
    await openDashboard(page, 1280, `?user_id=${GARMIN}`);
    await chartsReady(page);
    const times = await page.locator('time[datetime]').allInnerTexts();
    expect(times.length).toBeGreaterThan(2);
    for (const text of times) expect(text).toMatch(DATE_FORMAT);
    const caption = await page.locator('[data-chart="heart-rate"] [data-chart-caption]').textContent();
    expect(caption).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}/);
    const sleep = await page.locator('[data-chart="sleep"] [data-chart-caption]').textContent();
    expect(sleep).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2} to \d{2}:\d{2} · (\d+ h )?\d+ min$/,
    );
  });
});

describe('payloads and resending', () => {
  it('opens a 5 MB payload as a collapsible tree that builds nodes only as they open', async () => {
    const { page, sandbox } = harness;
    const res = await fetch(
      `${sandbox.baseUrl}/daily?user_id=${GARMIN}&start_date=2026-01-01&end_date=2026-02-01&with_samples=true`,
      { headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId } },
    );
    const { reference } = (await res.json()) as { reference: string };
    const [big] = (
      await sandbox.waitForDeliveries((all) =>
        all.some((d) => d.reference === reference && d.status === 'delivered'),
      )
    ).filter((d) => d.reference === reference);
    if (!big) throw new Error('no delivery');
    expect(Buffer.byteLength(big.payload)).toBeGreaterThan(5_000_000);
    await openDashboard(page, 1280);
    const details = page.locator(`details[data-delivery-id="${big.id}"]`);
    expect(await details.locator('summary').textContent()).toBe('Payload · 5.0 MB');
    await details.locator('summary').click();
    const view = details.locator('[data-payload-view]');
    await expect.poll(() => view.getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    // Lazily built: a few hundred elements for 5 MB, not one per value.
    expect(await view.locator('*').count()).toBeLessThan(3000);
    const data = view.locator('.j-toggle[aria-label^="data:"]');
    expect(await data.getAttribute('aria-label')).toBe('data: 31 items');
    if ((await data.getAttribute('aria-expanded')) === 'false') await data.click();
    const firstDay = view.locator('.j-toggle[aria-label="0: 14 keys"], .j-toggle[aria-label^="0: "]').first();
    if ((await firstDay.getAttribute('aria-expanded')) === 'false') await firstDay.click();
    const metadata = view.locator('.j-toggle[aria-label^="metadata:"]').first();
    await metadata.click();
    await expect.poll(() => metadata.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(async () => (await view.textContent())?.includes('"start_time": "2026-01-01'))
      .toBe(true);
    await metadata.click();
    expect(await metadata.getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: join(shots, 'dashboard-json-viewer-1280.png') });
  });

  it('resends a delivered delivery as a new delivery with the same payload', async () => {
    const { page, sandbox, receiver } = harness;
    const original = sandbox.triggerEvent('permission_change', GARMIN);
    await sandbox.waitForDeliveries((all) =>
      all.some((d) => d.id === original.id && d.status === 'delivered'),
    );
    await openDashboard(page, 390);
    const before = sandbox.deliveries().length;
    const row = page.locator(`tr[data-payload-of="${original.id}"]`);
    await row.locator('[data-resend]').click();
    const all = await sandbox.waitForDeliveries((list) => list.length === before + 1);
    const copy = all.at(-1);
    expect(copy?.id).not.toBe(original.id);
    expect(copy?.payload).toBe(original.payload);
    expect(copy?.reference).toBe(original.reference);
    await page.locator(`tr[data-delivery-id="${copy?.id}"]`).waitFor();
    await receiver.waitFor(
      (hook) =>
        hook.body === original.payload &&
        receiver.received.filter((h) => h.body === original.payload).length === 2,
    );
    await page.screenshot({ path: join(shots, 'dashboard-resend-390.png'), fullPage: true });
  });
});

describe('pages around the dashboard', () => {
  it('has an HTML landing page at / linking the dashboard, the API base URL and the docs', async () => {
    const { page, sandbox } = harness;
    await page.setViewportSize({ width: 390, height: 800 });
    const response = await page.goto(`${sandbox.url}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    expect(await page.locator('a[data-link="dashboard"]').getAttribute('href')).toBe('/dashboard');
    expect(await page.locator('code[data-link="api"]').textContent()).toBe(sandbox.baseUrl);
    await page.screenshot({ path: join(shots, 'landing-390.png'), fullPage: true });
    await page.locator('a[data-link="docs"]').click();
    await expect.poll(() => page.locator('pre.readme').textContent()).toContain('# terra-sandbox');
    await page.goBack();
    await page.locator('a[data-link="dashboard"]').click();
    await page.locator('[data-dashboard]').waitFor();
    const json = await fetch(`${sandbox.url}/`);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(((await json.json()) as { api_base_url: string }).api_base_url).toBe(sandbox.baseUrl);
  });

  it('answers unknown paths with an HTML 404 to browsers and problem+json to API clients', async () => {
    const { page, sandbox } = harness;
    for (const path of ['/nope', '/v2/nope']) {
      const response = await page.goto(`${sandbox.url}${path}`);
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toContain('text/html');
      expect(await page.locator('h1').textContent()).toBe('Not found');
      expect(await page.locator('.error-message').textContent()).toBe(`There is no page at GET ${path}.`);
      expect(await page.locator('a[href="/dashboard"]').count()).toBe(1);
      const api = await fetch(`${sandbox.url}${path}`, { headers: { accept: 'application/json' } });
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toBe('application/problem+json');
    }
    await page.screenshot({ path: join(shots, 'not-found-1280.png') });
  });
});
