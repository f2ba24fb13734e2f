import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Sandbox, startSandbox } from 'terra-sandbox';
import { openStore, type TerraStore } from 'terra-store';
import { TerraWebhooks } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../packages/terra-sandbox/test/pages/support/browser.js';
import { startWebhookReceiver, type WebhookReceiver } from './receiver.js';
import { storeViewOf } from './store-view.js';

// The dashboard's "Sent vs stored" panel with a real terra-store (PGlite in memory) behind the demo's receiver.
const USER = 'f7a1c2d3-0000-4000-8000-00000000a001';
const SECRET = 'store-view-test-secret';
const API_KEY = 'store-view-test-key';
const TYPES = ['activity', 'sleep', 'daily'] as const;
const WIDTHS = [1280, 390] as const;

let store: TerraStore;
let receiver: WebhookReceiver;
let sandbox: Sandbox;
let browser: TestBrowser;
let shots = '';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function waitUntil(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  shots = process.env.TERRA_SCREENSHOT_DIR ?? (await mkdtemp(join(tmpdir(), 'terra-store-view-shots-')));
  store = await openStore({});
  receiver = await startWebhookReceiver(store, new TerraWebhooks({ secret: SECRET }));
  sandbox = await startSandbox({
    port: 0,
    apiKey: API_KEY,
    secret: SECRET,
    webhookUrl: receiver.webhookUrl,
    users: [{ provider: 'GARMIN', user_id: USER, reference_id: 'store-view' }],
    storeView: storeViewOf(store, 'terra-store on PGlite'),
  });
  // A week of three data types through webhooks, as a backend asks for it.
  for (const type of TYPES) {
    const url = `${sandbox.baseUrl}/${type}?user_id=${USER}&start_date=${day(-8)}&end_date=${day(-1)}&to_webhook=true`;
    const res = await fetch(url, { headers: { 'x-api-key': API_KEY, 'dev-id': sandbox.devId } });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  }
  await waitUntil('every delivery answered', () => {
    const data = sandbox.deliveries().filter((d) => (TYPES as readonly string[]).includes(d.type));
    return data.length === TYPES.length && data.every((d) => d.status === 'delivered');
  });
  await store.idle();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await receiver?.close();
  await store?.close();
  if (!process.env.TERRA_SCREENSHOT_DIR) await rm(shots, { recursive: true, force: true });
});

async function openDashboard(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(`${sandbox.url}/dashboard`);
  expect(response?.status()).toBe(200);
  await page.locator('[data-partial="store"] [data-store-summary]').waitFor();
}

/** Sent and stored counts as a person reads them off the panel, per data type. */
function visibleCounts(
  page: Page,
): Promise<Record<string, { sent: string; stored: string; status: string }>> {
  return page.evaluate(() => {
    const out: Record<string, { sent: string; stored: string; status: string }> = {};
    const seen = (row: HTMLElement, selector: string) =>
      row.querySelector<HTMLElement>(selector)?.textContent?.trim() ?? '';
    for (const row of document.querySelectorAll<HTMLElement>('[data-store-row]')) {
      const type = row.dataset.storeRow?.split(':')[1] ?? '';
      out[type] = {
        sent: seen(row, '[data-sent]'),
        stored: seen(row, '[data-stored]'),
        status: seen(row, '.pill'),
      };
    }
    return out;
  });
}

describe('the dashboard beside a terra-store', () => {
  it('shows, per user and type, that the store holds every record the sandbox sent', async () => {
    for (const width of WIDTHS) {
      const page = await browser.context.newPage();
      try {
        await openDashboard(page, width);
        const summary = page.locator('[data-store-summary]');
        await expect(summary.isVisible()).resolves.toBe(true);
        expect(await summary.textContent()).toMatch(
          /terra-store on PGlite holds all \d+ records the sandbox delivered/,
        );
        const counts = await visibleCounts(page);
        expect(Object.keys(counts).sort()).toEqual([...TYPES].sort());
        for (const type of TYPES) {
          const row = counts[type];
          expect(Number(row?.sent), type).toBeGreaterThan(0);
          expect(row?.stored, type).toBe(row?.sent);
          expect(row?.status, type).toBe('all stored');
          expect(await store.count(type, USER), type).toBe(Number(row?.stored));
        }
        // The counts and the verdict are in view without scrolling sideways, at a phone's width too.
        for (const cell of ['[data-sent]', '[data-stored]', '.pill']) {
          const box = await page.locator(`[data-store-row="${USER}:sleep"] ${cell}`).boundingBox();
          expect(box && box.x + box.width, `${cell} at ${width}`).toBeLessThanOrEqual(width);
        }
        await page.screenshot({ path: join(shots, `dashboard-store-${width}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    }
  });

  it('shows a record deleted from the store as missing, by its key, without a reload', async () => {
    const page = await browser.context.newPage();
    try {
      await openDashboard(page, 1280);
      const [deleted] = await store.db.query<{ summary_id: string }>(
        `DELETE FROM terra_sleep WHERE user_id = $1
           AND summary_id = (SELECT summary_id FROM terra_sleep WHERE user_id = $1 ORDER BY summary_id LIMIT 1)
         RETURNING summary_id`,
        [USER],
      );
      expect(deleted?.summary_id).toBeTruthy();
      const sleepRow = page.locator(`[data-store-row="${USER}:sleep"]`);
      await sleepRow.locator('text=1 missing').waitFor({ timeout: 20_000 });
      expect(await sleepRow.textContent()).toContain(`missing: ${deleted?.summary_id}`);
      const counts = await visibleCounts(page);
      expect(Number(counts.sleep?.stored)).toBe(Number(counts.sleep?.sent) - 1);
      expect(counts.activity?.status).toBe('all stored');
      expect(await page.locator('[data-store-summary="mismatch"]').textContent()).toMatch(
        /differs .*: 1 missing\./,
      );
      await page.screenshot({ path: join(shots, 'dashboard-store-missing-1280.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 900 });
      await expect(sleepRow.locator('text=1 missing').isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(shots, 'dashboard-store-missing-390.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
