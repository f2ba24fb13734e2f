import {
  DEFAULT_BASE_URL,
  LabReports,
  PlannedWorkouts,
  SPEC_BASE_URL,
  Terra,
  TerraInvalidArgumentError,
  type TerraOptions,
  Workouts,
} from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-test-server.js';

/** Answers each group's list call with the shape Terra sends for it. */
const answer = (req: { path: string }) => ({
  body: req.path.endsWith('/lab-reports') ? { sessions: [] } : [],
});
const data = useTestServer(answer);
const workouts = useTestServer(answer);

const credentials = { apiKey: 'base-urls-test-key', devId: 'base-urls-dev' };

/** The URL each call would go to, read by a beforeRequest hook that then stops the call before any byte is sent. */
async function urlsOf(options: TerraOptions): Promise<string[]> {
  const urls: string[] = [];
  const terra = new Terra({
    ...credentials,
    ...options,
    maxRetries: 0,
    hooks: {
      beforeRequest(context) {
        urls.push(context.url.split('?')[0] as string);
        throw new Error('stopped before sending');
      },
    },
  });
  const calls = [
    () => terra.listProviders(),
    () => new Workouts(terra).list(),
    () => new PlannedWorkouts(terra).list('u1'),
    () => new LabReports(terra).list(),
  ];
  for (const call of calls) await expect(call()).rejects.toThrow('stopped before sending');
  return urls;
}

describe('per-group base URLs', () => {
  it('default to the spec server for workouts, planned workouts and lab reports, the SDK host for the rest', async () => {
    const previous = process.env.TERRA_BASE_URL;
    delete process.env.TERRA_BASE_URL;
    try {
      expect(await urlsOf({})).toEqual([
        `${DEFAULT_BASE_URL}/integrations`,
        `${SPEC_BASE_URL}/workouts`,
        `${SPEC_BASE_URL}/plannedWorkouts`,
        `${SPEC_BASE_URL}/lab-reports`,
      ]);
    } finally {
      if (previous !== undefined) process.env.TERRA_BASE_URL = previous;
    }
  });

  it('follow a baseUrl that is set, so a sandbox or proxy gets every call', async () => {
    const base = 'http://127.0.0.1:9/v2';
    expect(await urlsOf({ baseUrl: base })).toEqual([
      `${base}/integrations`,
      `${base}/workouts`,
      `${base}/plannedWorkouts`,
      `${base}/lab-reports`,
    ]);
  });

  it('follow TERRA_BASE_URL when no baseUrl option is given', async () => {
    const previous = process.env.TERRA_BASE_URL;
    process.env.TERRA_BASE_URL = 'http://127.0.0.1:9/from-env/v2';
    try {
      const urls = await urlsOf({});
      expect(urls[1]).toBe('http://127.0.0.1:9/from-env/v2/workouts');
    } finally {
      if (previous === undefined) delete process.env.TERRA_BASE_URL;
      else process.env.TERRA_BASE_URL = previous;
    }
  });

  it('send each group to its own base URL over real HTTP, the rest to baseUrl', async () => {
    const terra = new Terra({
      ...credentials,
      baseUrl: data.baseUrl,
      baseUrls: { workouts: workouts.baseUrl, labReports: `${workouts.baseUrl}/` },
    });
    await new Workouts(terra).list();
    await new LabReports(terra).list();
    await new PlannedWorkouts(terra).list('u1');
    expect(workouts.requests.map((r) => r.path)).toEqual(['/v2/workouts', '/v2/lab-reports']);
    expect(data.requests.map((r) => r.path)).toEqual(['/v2/plannedWorkouts']);
  });

  it('refuses a group base URL that is not http(s), naming the option', () => {
    const make = () => new Terra({ ...credentials, baseUrls: { plannedWorkouts: 'ftp://example.test/v2' } });
    expect(make).toThrow(TerraInvalidArgumentError);
    expect(make).toThrow(/baseUrls\.plannedWorkouts must be an http\(s\) URL/);
    expect(() => new Terra({ ...credentials, baseUrls: 'x' as never })).toThrow(/baseUrls must be an object/);
  });
});
