import {
  type AfterResponseContext,
  type BeforeRequestContext,
  InternalServerError,
  LabReports,
  type RetryContext,
  Terra,
  TerraConnectionError,
  TerraInvalidArgumentError,
  type TerraOptions,
} from 'terra-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { terraFor } from '../support/terra-for.js';
import { type Reply, TEST_API_KEY } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

const SECRET = 'whsec_hooks_SIGNING_5e6f7a8b';
const DEV_ID = 'devid_hooks_4q5w6e7r';
const providers = { status: 'success', providers: ['GARMIN'], sdk_providers: [] };

let replies: Reply[] = [];
const server = useTestServer(() => replies.shift() ?? { body: providers });
afterEach(() => {
  replies = [];
});

const transports: [string, Pick<TerraOptions, 'fetch'>][] = [
  ['node:http', {}],
  ['fetch', { fetch: (input, init) => fetch(input, init) }],
];

function client(options: TerraOptions = {}): Terra {
  return terraFor(server, { devId: DEV_ID, secret: SECRET, ...options });
}

/** A logger that records every line. */
function recordingLogger() {
  const lines: { level: string; message: string; fields: Record<string, unknown> | undefined }[] = [];
  const at =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void =>
      void lines.push({ level, message, fields });
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

/** Everything written to the console while `run` runs. */
async function consoleDuring(run: () => Promise<unknown>): Promise<string[]> {
  const written: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((method) => console[method]);
  for (const method of methods) console[method] = (...args: unknown[]) => void written.push(args.join(' '));
  try {
    await run();
  } finally {
    methods.forEach((method, i) => {
      console[method] = originals[i] as (typeof console)[typeof method];
    });
  }
  return written;
}

describe('logging', () => {
  it('is quiet by default, even through retries and a failure', async () => {
    replies = [
      { status: 500, body: { detail: 'boom' } },
      { status: 500, body: { detail: 'boom' } },
    ];
    const written = await consoleDuring(() =>
      client({ maxRetries: 1 })
        .listProviders()
        .catch(() => {}),
    );
    expect(written).toEqual([]);
  });

  it.each(transports)(
    'at debug, logs each attempt and each retry over %s, never a credential',
    async (_name, transport) => {
      replies = [
        { status: 503, body: { detail: `echo ${TEST_API_KEY} ${DEV_ID} ${SECRET}` } },
        { body: providers },
      ];
      const { lines, logger } = recordingLogger();
      await client({ ...transport, logger, logLevel: 'debug' }).listProviders();
      expect(lines.map((line) => [line.level, line.fields?.status ?? null])).toEqual([
        ['debug', 503],
        ['info', null],
        ['debug', 200],
      ]);
      expect(lines[0]?.message).toMatch(
        /^terra-ts: GET \/integrations answered 503 in \d+ ms \(attempt 1\)$/,
      );
      expect(lines[1]?.message).toMatch(/GET \/integrations will be retried in \d+ ms/);
      const all = JSON.stringify(lines);
      for (const credential of [TEST_API_KEY, DEV_ID, SECRET]) expect(all).not.toContain(credential);
    },
  );

  it('with a logger and no level, logs at info: the retry and the final failure, redacted', async () => {
    replies = [
      { status: 500, body: { detail: `key ${TEST_API_KEY}` } },
      { status: 500, body: { detail: `key ${TEST_API_KEY}` } },
    ];
    const { lines, logger } = recordingLogger();
    await client({ logger, maxRetries: 1 })
      .listProviders()
      .catch(() => {});
    expect(lines.map((line) => line.level)).toEqual(['info', 'error']);
    expect(lines[1]?.message).toContain('GET /integrations failed: Terra answered 500');
    expect(JSON.stringify(lines)).not.toContain(TEST_API_KEY);
  });

  it('with a level and no logger, writes to the console', async () => {
    replies = [{ status: 404, body: { detail: 'user not found' } }];
    const written = await consoleDuring(() =>
      client({ logLevel: 'error' })
        .listProviders()
        .catch(() => {}),
    );
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('terra-ts: GET /integrations failed: Terra answered 404');
  });

  it('refuses an unknown level or a logger without the four methods', () => {
    expect(() => client({ logLevel: 'verbose' as never })).toThrow(TerraInvalidArgumentError);
    expect(() => client({ logger: { info() {} } as never })).toThrow(/logger must have/);
  });
});

describe.each(transports)('hooks over %s', (_name, transport) => {
  it('beforeRequest adds a tracing header, sees no credential, and cannot replace one', async () => {
    const seen: BeforeRequestContext[] = [];
    const terra = client({
      ...transport,
      hooks: {
        beforeRequest(context) {
          seen.push({ ...context, headers: { ...context.headers } });
          context.headers.traceparent = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`;
        },
      },
    });
    await terra.listProviders();
    expect(server.requests[0]?.headers.traceparent).toBe(`00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`);
    expect(server.requests[0]?.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen[0]).toMatchObject({ method: 'GET', label: 'GET /integrations', attempt: 1 });
    expect(seen[0]?.url).toBe(`${server.baseUrl}/integrations`);
    expect(Object.keys(seen[0]?.headers ?? {})).not.toContain('x-api-key');
    expect(Object.keys(seen[0]?.headers ?? {})).not.toContain('dev-id');

    const forging = client({
      ...transport,
      hooks: {
        beforeRequest: (c) => {
          c.headers['X-Api-Key'] = 'other';
        },
      },
    });
    server.requests.length = 0;
    await expect(forging.listProviders()).rejects.toThrow(/cannot set x-api-key/);
    expect(server.requests).toHaveLength(0);
  });

  it('afterResponse sees every attempt and onRetry every wait; an async hook is awaited', async () => {
    replies = [{ status: 500, body: { detail: 'boom' } }, { body: providers }];
    const after: AfterResponseContext[] = [];
    const retries: RetryContext[] = [];
    const terra = client({
      ...transport,
      hooks: {
        afterResponse: async (context) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          after.push(context);
        },
        onRetry: (context) => void retries.push(context),
      },
    });
    await terra.listProviders();
    expect(after.map((a) => [a.attempt, a.status, a.error])).toEqual([
      [1, 500, undefined],
      [2, 200, undefined],
    ]);
    expect(after[1]?.headers?.get('content-type')).toBe('application/json');
    expect(after[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ attempt: 1, label: 'GET /integrations' });
    expect(retries[0]?.error).toBeInstanceOf(InternalServerError);
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(0);
  });

  it('afterResponse is told of an attempt that got no answer', async () => {
    replies = [{ drop: true }];
    const after: AfterResponseContext[] = [];
    const error = await client({
      ...transport,
      maxRetries: 0,
      hooks: { afterResponse: (c) => void after.push(c) },
    })
      .listProviders()
      .catch((e) => e);
    expect(error).toBeInstanceOf(TerraConnectionError);
    expect(after).toHaveLength(1);
    expect(after[0]?.status).toBeUndefined();
    expect(after[0]?.error).toBe(error);
  });

  it('a hook that throws rejects the call with its error', async () => {
    const boom = new Error('tracer down');
    await expect(
      client({
        ...transport,
        hooks: {
          beforeRequest: () => {
            throw boom;
          },
        },
      }).listProviders(),
    ).rejects.toBe(boom);
  });
});

describe('per-request headers and extra query or body fields', () => {
  it.each(transports)(
    'sends extra headers and query parameters on a call over %s',
    async (_name, transport) => {
      await client(transport).listProviders({
        headers: { 'X-Request-Id': 'req-1' },
        extraQuery: { new_option: true, other: 3, skipped: undefined },
      });
      const [req] = server.requests;
      expect(req?.headers['x-request-id']).toBe('req-1');
      expect(req?.headers['x-api-key']).toBe(TEST_API_KEY);
      expect(req?.query.get('new_option')).toBe('true');
      expect(req?.query.get('other')).toBe('3');
      expect(req?.query.has('skipped')).toBe(false);
    },
  );

  it('adds extra query parameters to every chunk of a data call, after its own', async () => {
    replies = [
      { body: { status: 'success', type: 'sleep', user: {}, data: [] } },
      { body: { status: 'success', type: 'sleep', user: {}, data: [] } },
    ];
    await client().getSleepForUser('user-1', {
      startDate: '2024-01-01',
      endDate: '2024-03-01',
      chunkDays: 30,
      concurrency: 1,
      toWebhook: false,
      extraQuery: { widget_option: 'x' },
      headers: { 'x-trace': 't' },
    });
    expect(server.requests.length).toBeGreaterThan(1);
    for (const req of server.requests) {
      expect(req.query.get('widget_option')).toBe('x');
      expect(req.query.get('user_id')).toBe('user-1');
      expect(req.headers['x-trace']).toBe('t');
    }
  });

  it('merges extra body fields into a JSON object body', async () => {
    replies = [
      { body: { status: 'success', session_id: 's', url: 'https://widget.example', expires_in: 900 } },
    ];
    await client().generateWidgetSession(
      { providers: ['GARMIN'], language: 'en' },
      { extraBody: { show_disconnect: true, language: 'de' } },
    );
    const body = JSON.parse(server.requests[0]?.body ?? '{}');
    expect(body).toMatchObject({ providers: 'GARMIN', show_disconnect: true, language: 'de' });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('appends extra body fields to an upload form', async () => {
    replies = [{ status: 202, body: { status: 'success', upload_id: 'u' } }];
    await new LabReports(client()).upload(
      { file: new Uint8Array([37, 80, 68, 70]), contentType: 'application/pdf' },
      { extraBody: { report_type: 'blood' } },
    );
    expect(server.requests[0]?.body).toMatch(/name="report_type"\r\n\r\nblood/);
  });

  it.each([
    [
      'extraBody on a GET',
      (t: Terra) => t.listProviders({ extraBody: { a: 1 } }),
      /sends no JSON object body/,
    ],
    [
      'extraBody on an array body',
      (t: Terra) => t.bulkUserInfo(['u'], { extraBody: { a: 1 } }),
      /nowhere to go/,
    ],
    [
      'a credential header',
      (t: Terra) => t.listProviders({ headers: { 'dev-id': 'other' } }),
      /cannot set dev-id/,
    ],
    [
      'a header with a line break',
      (t: Terra) => t.listProviders({ headers: { 'x-a': 'b\r\nx-evil: 1' } }),
      /line break/,
    ],
    [
      'a header name that is not a token',
      (t: Terra) => t.listProviders({ headers: { 'bad name': 'v' } }),
      /not a valid header name/,
    ],
    [
      'an object query value',
      (t: Terra) => t.listProviders({ extraQuery: { a: {} as never } }),
      /extraQuery\.a/,
    ],
  ] as const)('refuses %s before any request', async (_label, call, message) => {
    const error = await call(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });
});

describe('hooks without a client', () => {
  it('refuses hooks that are not functions', () => {
    expect(() => new Terra({ apiKey: 'k', devId: 'd', hooks: { beforeRequest: 'x' as never } })).toThrow(
      /hooks.beforeRequest must be a function/,
    );
  });
});
