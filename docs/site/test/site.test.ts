import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type TestBrowser,
} from '../../../packages/terra-sandbox/test/pages/support/browser.js';
import { runProcess } from '../../../packages/terra-ts/test/runtimes/support/run-process.js';
import { guides, repoRoot } from '../guides.js';
import { brokenLinks, htmlPages } from './support/site-links.js';
import { serveStatic } from './support/static-server.js';

const siteDir = join(repoRoot, 'docs', 'site', 'out');
const typedoc = join(repoRoot, 'node_modules', 'typedoc', 'bin', 'typedoc');
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

// TypeDoc compiles terra-ts and renders a few hundred pages: tens of seconds, minutes on a loaded machine.
const buildMs = 300_000;

describe('npm run docs: the terra-ts reference and the guides as one site', () => {
  let build: { code: number | null; output: string };

  beforeAll(async () => {
    // Nothing from an earlier build may pass for this one.
    rmSync(siteDir, { recursive: true, force: true });
    const result = await runProcess(process.execPath, ['--import', 'tsx', 'docs/site/build.ts'], {
      cwd: repoRoot,
      killAfterMs: buildMs - 10_000,
    });
    build = { code: result.code, output: result.stdout + result.stderr };
  }, buildMs);

  it('builds with no warning at all (TypeDoc treats warnings as errors)', () => {
    expect(build.output).not.toMatch(/\[warning\]|\[error\]/);
    expect(build.code).toBe(0);
    expect(existsSync(join(siteDir, 'index.html'))).toBe(true);
  });

  it(
    'requires documentation on every public export (the check is on, and it fails an undocumented one)',
    async () => {
      const options = JSON.parse(readFileSync(join(repoRoot, 'docs/site/typedoc.json'), 'utf8'));
      expect(options).toMatchObject({ treatWarningsAsErrors: true, validation: { notDocumented: true } });
      // The same options on a file with one undocumented export.
      const out = mkdtempSync(join(tmpdir(), 'terra-docs-check-'));
      try {
        const fixtureOptions = join(out, 'typedoc.json');
        writeFileSync(
          fixtureOptions,
          JSON.stringify({
            ...options,
            entryPoints: [join(fixtures, 'undocumented.ts')],
            tsconfig: join(fixtures, 'tsconfig.json'),
            out: join(out, 'site'),
            readme: 'none',
            projectDocuments: [],
          }),
        );
        const result = await runProcess(process.execPath, [typedoc, '--options', fixtureOptions], {
          cwd: repoRoot,
          killAfterMs: buildMs - 10_000,
        });
        const output = result.stdout + result.stderr;
        expect(output).toMatch(
          /leftUndocumented \((Function|CallSignature)\).*does not have any documentation/,
        );
        expect(output).not.toMatch(/\bdocumented \(/);
        expect(result.code).not.toBe(0);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    buildMs,
  );

  it('has a page for the API and for every guide whose README exists', () => {
    expect(existsSync(join(siteDir, 'classes', 'terra-ts.Terra.html'))).toBe(true);
    expect(existsSync(join(siteDir, 'functions', 'terra-ts.createFetchWebhookHandler.html'))).toBe(true);
    const present = guides.filter((guide) => existsSync(join(repoRoot, guide.source)));
    const documents = htmlPages(join(siteDir, 'documents')).map((page) => readFileSync(page, 'utf8'));
    for (const guide of present) {
      const firstHeading =
        readFileSync(join(repoRoot, guide.source), 'utf8').match(/^# (.+)$/m)?.[1] ?? guide.title;
      expect(
        documents.some((html) => html.includes(`<title>${guide.title}`) && html.includes(firstHeading)),
      ).toBe(true);
    }
  });

  it('the Python mapping and the webhooks of every framework are in the guide the home page links to', () => {
    const guide = readFileSync(join(siteDir, 'documents', 'terra-ts_guide.html'), 'utf8');
    expect(guide).toContain('id="from-the-python-client"');
    expect(guide).toContain('id="handlers-for-every-framework"');
    expect(guide).toContain('terra.generate_widget_session');
    const home = readFileSync(join(siteDir, 'index.html'), 'utf8');
    expect(home).toContain('href="documents/terra-ts_guide.html#from-the-python-client"');
    expect(home).toContain('href="documents/terra-ts_guide.html#handlers-for-every-framework"');
  });

  it('has no broken internal link or anchor on any page', () => {
    const { checked, broken } = brokenLinks(siteDir);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  describe('the home page in headless Chromium', () => {
    let browser: TestBrowser;
    let site: Awaited<ReturnType<typeof serveStatic>>;

    beforeAll(async () => {
      site = await serveStatic(siteDir);
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('shows the title, the guides and the API in its navigation, and is captured in a screenshot', async () => {
      const page = await browser.context.newPage();
      const response = await page.goto(site.url);
      expect(response?.status()).toBe(200);
      expect(await page.title()).toMatch(/terra-ts/);
      await expect.poll(() => page.locator('h1', { hasText: 'terra-ts' }).first().isVisible()).toBe(true);
      // TypeDoc's navigation is rendered by its script: it must come up with the guides and the API.
      const navigation = page.locator('nav.tsd-navigation');
      await expect.poll(() => navigation.getByText('Guides', { exact: true }).isVisible()).toBe(true);
      await navigation.getByText('Guides', { exact: true }).click();
      await expect
        .poll(() => navigation.getByRole('link', { name: 'terra-ts guide' }).isVisible())
        .toBe(true);
      expect(await navigation.getByRole('link', { name: 'Sandbox' }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: "Coming from Terra's Python client" }).isVisible()).toBe(
        true,
      );
      const screenshot = join(siteDir, 'home.png');
      await page.screenshot({ path: screenshot, fullPage: false });
      expect(statSync(screenshot).size).toBeGreaterThan(20_000);
      await page.close();
    });
  });
});
