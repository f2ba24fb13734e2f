import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Sandbox, startSandbox } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { generateWidgetSession } from './support/terra-api.js';

// Made-up names that Chromium resolves to 127.0.0.1, as an attacker's DNS would after rebinding.
const REBOUND = 'rebind.attacker.test';
const ATTACKER = 'attacker.test';

let sandbox: Sandbox;
let browser: TestBrowser;
let attacker: Server;
let attackerPage = '';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: [], webhookUrl: 'http://127.0.0.1:9/hooks' });
  browser = await launchBrowser([
    `--host-resolver-rules=MAP ${REBOUND} 127.0.0.1, MAP ${ATTACKER} 127.0.0.1`,
  ]);
  // The attacker's site: serves whatever page a test puts in attackerPage.
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackerPage);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await new Promise<void>((resolve) => attacker?.close(() => resolve()));
});

const attackerOrigin = () => `http://${ATTACKER}:${(attacker.address() as AddressInfo).port}`;

describe('a web page cannot drive the sandbox', () => {
  it('a rebound DNS name gets 421 in a real browser, on the dashboard and the API', async () => {
    const page = await browser.context.newPage();
    try {
      const port = new URL(sandbox.url).port;
      const dashboard = await page.goto(`http://${REBOUND}:${port}/dashboard`);
      expect(dashboard?.status()).toBe(421);
      expect(await page.content()).not.toContain('data-token');
      const api = await page.goto(`http://${REBOUND}:${port}/v2/integrations`);
      expect(api?.status()).toBe(421);
      // The same page by its real address works.
      expect((await page.goto(`${sandbox.url}/dashboard`))?.status()).toBe(200);
    } finally {
      await page.close();
    }
  });

  it("a form on another site cannot press Allow on the sandbox's consent screen", async () => {
    const reference = `cross-site-${randomUUID()}`;
    const session = await generateWidgetSession(sandbox, { providers: 'GARMIN', reference_id: reference });
    attackerPage = `<!doctype html><form id="f" method="post" action="${session.url}/GARMIN">
<input type="hidden" name="decision" value="allow"></form>`;
    const page = await browser.context.newPage();
    try {
      await page.goto(attackerOrigin());
      // The attacker's page submits its form once loaded (submitting while it still loads raced the page's
      // own navigation, and the POST's response was sometimes never seen).
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url() === `${session.url}/GARMIN`),
        page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit()),
      ]);
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain('cross-site POST refused (Sec-Fetch-Site: cross-site)');
      expect(sandbox.users().some((u) => u.reference_id === reference)).toBe(false);
      // The session is untouched: the person can still connect through the sandbox's own page.
      await page.goto(`${session.url}/GARMIN`);
      await page.getByRole('button', { name: 'Allow' }).click();
      await expect.poll(() => sandbox.users().some((u) => u.reference_id === reference)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("another site's script cannot read the dashboard's token or data", async () => {
    attackerPage = '<!doctype html><title>attacker</title>';
    const page = await browser.context.newPage();
    try {
      await page.goto(attackerOrigin());
      const outcome = await page.evaluate(async (target) => {
        const results: string[] = [];
        for (const path of ['/dashboard', '/dashboard/api/users']) {
          try {
            const res = await fetch(target + path);
            results.push(`${path} read ${res.status}`);
          } catch {
            results.push(`${path} blocked`);
          }
        }
        return results;
      }, sandbox.url);
      expect(outcome).toEqual(['/dashboard blocked', '/dashboard/api/users blocked']);
    } finally {
      await page.close();
    }
  });
});
