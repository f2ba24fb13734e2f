import { describe, expect, it } from 'vitest';
import { LiveCli } from '../support/run-cli.js';

describe('terra sandbox', { timeout: 120_000 }, () => {
  it('starts a sandbox, prints its URLs and credentials, serves the API, and stops on Ctrl-C', async () => {
    const cli = new LiveCli(['sandbox', '--port', '0']);
    try {
      const [, baseUrl] = await cli.waitFor('stdout', /export TERRA_BASE_URL=(\S+)/);
      await cli.waitFor('stdout', /export TERRA_WEBHOOK_SECRET=\S+/);
      const apiKey = cli.stdout.match(/export TERRA_API_KEY=(\S+)/)?.[1] as string;
      const devId = cli.stdout.match(/export TERRA_DEV_ID=(\S+)/)?.[1] as string;
      expect(cli.stdout).toMatch(/^dashboard\s+http:\/\/127\.0\.0\.1:\d+\/dashboard$/m);
      expect(cli.stdout).toMatch(/GARMIN \(demo-garmin\)/);
      const response = await fetch(`${baseUrl}/subscriptions`, {
        headers: { 'x-api-key': apiKey, 'dev-id': devId },
      });
      expect(response.status).toBe(200);
    } finally {
      expect(await cli.interrupt()).toBe(0);
    }
  });

  it('prints the same as one JSON object with --json', async () => {
    const cli = new LiveCli(['sandbox', '--port', '0', '--json']);
    try {
      await cli.waitFor('stderr', /Sandbox running/);
      const info = JSON.parse(cli.stdout) as { base_url: string; api_key: string; users: unknown[] };
      expect(info.base_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      expect(info.users).toHaveLength(3);
    } finally {
      await cli.interrupt();
    }
  });
});
