import type { Page } from 'playwright-core';
import { type InitialUser, type Sandbox, startSandbox } from 'terra-sandbox';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/** What a browser page test works with; each getter is valid inside the tests of the file that made it. */
export interface PageHarness {
  /** The sandbox, on port 0, delivering webhooks to `receiver`. */
  readonly sandbox: Sandbox;
  /** Collects the sandbox's webhook deliveries. */
  readonly receiver: WebhookReceiver;
  /** A fresh browser page for the current test. */
  readonly page: Page;
}

/**
 * Registers the hooks of a page test file: one webhook receiver, sandbox and browser for the file,
 * one new page per test; everything is closed afterwards.
 */
export function usePageHarness(options: {
  apiKey: string;
  secret: string;
  users: InitialUser[];
}): PageHarness {
  let sandbox: Sandbox | undefined;
  let receiver: WebhookReceiver | undefined;
  let browser: TestBrowser | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startSandbox({
      port: 0,
      apiKey: options.apiKey,
      secret: options.secret,
      webhookUrl: receiver.webhookUrl,
      users: options.users,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await receiver?.close();
  });

  beforeEach(async () => {
    page = await started(browser, 'browser').context.newPage();
  });

  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  return {
    get sandbox() {
      return started(sandbox, 'sandbox');
    },
    get receiver() {
      return started(receiver, 'receiver');
    },
    get page() {
      return started(page, 'page');
    },
  };
}

function started<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`the page harness's ${name} is only available inside a test`);
  return value;
}
