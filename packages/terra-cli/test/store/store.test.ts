import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from 'terra-sandbox';
import { Terra } from 'terra-ts';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveCli, runCli } from '../support/run-cli.js';
import { GARMIN_USER, sandboxArgs, sandboxEnv, startTestSandbox } from '../support/sandbox.js';
import { hasTmux, TerminalSession } from '../support/tmux.js';

// The embedded database is one directory per test file; the CLI runs as a child process, as a user runs it.
let dir: string;
let database: string;
let sandbox: Sandbox;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'terra-cli-store-'));
  database = join(dir, 'store');
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

const store = (...args: string[]) => runCli(['store', ...args, '--database', database], { cwd: dir });
const json = (text: string) => JSON.parse(text);

/** A stand-in for Terra's S3 bucket: 404 until `body` is set. */
async function startBucket(): Promise<{ url: string; setBody(body: string): void; close(): Promise<void> }> {
  let body: string | undefined;
  const server: Server = createServer((_req, res) => {
    if (body === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('NoSuchKey');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/payload.json?X-Amz-Signature=x`,
    setBody: (value) => {
      body = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('terra store', { timeout: 300_000 }, () => {
  it('is listed by terra --help, and terra store --help lists its subcommands', async () => {
    const root = await runCli(['--help']);
    expect(root.stdout).toMatch(/^ {2}store\s+keep every Terra record in PostgreSQL/m);
    const group = await runCli(['store', '--help']);
    for (const name of ['serve', 'migrate', 'backfill', 'status', 'query', 'retry']) {
      expect(group.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    }
    expect(group.stdout).toContain('./.terra-store');
  });

  it('migrate applies the schema to a fresh directory, and status shows an empty store', async () => {
    const migrated = await store('migrate', '--json');
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(json(migrated.stdout)).toMatchObject({
      engine: 'pglite',
      previous_version: 0,
      applied: [1, 2, 3, 4],
    });
    const again = await store('migrate', '--json');
    expect(json(again.stdout)).toMatchObject({ schema_version: 4, previous_version: 4, applied: [] });

    const status = await store('status', '--json');
    expect(status.code).toBe(0);
    expect(json(status.stdout)).toMatchObject({
      database,
      schema_version: 4,
      inbox: { pending: 0, retry: 0, processed: 0, dead: 0 },
      depth: 0,
      lag_seconds: 0,
      failures: [],
      users: [],
    });
  });

  it('serve stores signed sandbox deliveries, dead-letters an s3_payload that 404s, and stops cleanly on SIGTERM', async () => {
    const bucket = await startBucket();
    const serve = new LiveCli(
      ['store', 'serve', '--port', '0', '--database', database, '--max-attempts', '1', '--workers', '2'],
      { cwd: dir, env: { TERRA_WEBHOOK_SECRET: sandbox.secret } },
    );
    try {
      const url = (
        await serve.waitFor('stderr', /receiving Terra webhooks at (http:\/\/\S+)/, 120_000)
      )[1] as string;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/terra$/);
      sandbox.setWebhookUrl(url);
      // First, a delivery the store cannot process: its s3_payload link answers 404 (one attempt, then dead).
      const s3Body = JSON.stringify({
        type: 's3_payload',
        status: 'success',
        url: bucket.url,
        expires_in: 300,
      });
      const answer = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'terra-signature': await generateTestSignatureHeader({ payload: s3Body, secret: sandbox.secret }),
        },
        body: s3Body,
      });
      expect(answer.status).toBe(200);
      const user = sandbox.createUser({ provider: 'OURA' });
      sandbox.triggerEvent('auth', user.user_id);
      const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
      await terra.getSleepForUser(user.user_id, {
        startDate: '2024-03-01',
        endDate: '2024-03-08',
        toWebhook: true,
      });
      const delivered = await sandbox.waitForDeliveries(
        (all) => all.filter((d) => d.url === url && d.status === 'delivered').length >= 2,
        120_000,
      );
      const sleepDelivery = delivered.find((d) => d.url === url && d.type === 'sleep');
      const sent = (JSON.parse(sleepDelivery?.payload ?? '{}') as { data: unknown[] }).data;
      expect(sent.length).toBeGreaterThan(0);

      // Every delivery processed: the auth and sleep rows, and the s3_payload row dead after its one attempt.
      await serve.waitFor('stderr', /inbox: 0 pending, [2-9]\d* processed, 1 dead/, 120_000);

      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
      expect(serve.stderr).toMatch(/SIGTERM: stopping/);
      expect(serve.stderr).toMatch(/Stopped: \d+ processed by this run; 0 left pending, 1 dead letters/);

      const query = await store('query', 'sleep', '--user', user.user_id, '--json');
      expect(query.code).toBe(0);
      expect(json(query.stdout)).toEqual(sent);

      const status = await store('status', '--json');
      const report = json(status.stdout);
      expect(report).toMatchObject({ depth: 0, lag_seconds: 0, inbox: { pending: 0, retry: 0, dead: 1 } });
      expect(report.failures).toEqual([
        { type: 's3_payload', user_id: null, retrying: 0, dead: 1, last_error: expect.stringMatching(/404/) },
      ]);
      expect(report.users).toContainEqual(
        expect.objectContaining({
          user_id: user.user_id,
          provider: 'OURA',
          state: 'connected',
          active: true,
        }),
      );

      // The bucket recovers: retry replays the dead letter and its record lands.
      const record = { ...(sent[0] as object) };
      const s3User = { user_id: 's3-user', provider: 'OURA', reference_id: null, scopes: null, active: true };
      bucket.setBody(
        JSON.stringify({
          type: 'sleep',
          status: 'success',
          user: s3User,
          data: [record],
          version: '2022-03-16',
        }),
      );
      const missing = await store('retry', '--id', '999999');
      expect(missing.code).toBe(3);
      expect(missing.stderr).toMatch(/^error: delivery 999999 is not a dead letter \(hint: .+\)\n$/);
      const retried = await store('retry', '--json');
      expect(retried.code).toBe(0);
      expect(json(retried.stdout)).toEqual([
        expect.objectContaining({ type: 's3_payload', result: 'processed', error: null }),
      ]);
      expect(json((await store('query', 'sleep', '--user', 's3-user', '--json')).stdout)).toEqual([record]);
      expect(json((await store('status', '--json')).stdout)).toMatchObject({
        inbox: { dead: 0 },
        failures: [],
      });
    } finally {
      if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
      sandbox.setWebhookUrl(undefined);
      await bucket.close();
    }
  });

  it('backfill stores what the sandbox serves, with a table and CSV like terra data, and a second run resumes', async () => {
    const range = ['--from', '2024-01-01', '--to', '2024-01-11'];
    const first = await runCli(
      [
        'store',
        'backfill',
        '--user',
        GARMIN_USER,
        ...range,
        '--types',
        'sleep,daily',
        '--database',
        database,
        ...sandboxArgs(sandbox),
      ],
      { cwd: dir },
    );
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Backfill complete\./);
    expect(first.stdout).toMatch(/windows\s+2 of 2 stored/);

    const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
    const served = (
      await terra.getSleepForUser(GARMIN_USER, {
        startDate: '2024-01-01',
        endDate: '2024-01-11',
        withSamples: true,
        toWebhook: false,
      })
    ).getJson() as { data: Array<{ metadata: { summary_id: string } }> };
    const stored = json(
      (await store('query', 'sleep', '--user', GARMIN_USER, '--json')).stdout,
    ) as unknown as typeof served.data;
    expect(stored.length).toBe(served.data.length);
    const byId = new Map(stored.map((r) => [r.metadata.summary_id, r]));
    for (const record of served.data) expect(byId.get(record.metadata.summary_id)).toEqual(record);

    const table = await store(
      'query',
      'sleep',
      '--user',
      GARMIN_USER,
      '--from',
      '2024-01-03',
      '--to',
      '2024-01-05',
    );
    expect(table.stdout.split('\n')[0]).toMatch(/^start\s+end\s+asleep\s+deep\s+efficiency/);
    const csv = await store('query', 'daily', '--user', GARMIN_USER, '--csv');
    expect(csv.stdout.split('\n').filter(Boolean).length).toBe(11);

    const second = await runCli(
      [
        'store',
        'backfill',
        '--user',
        GARMIN_USER,
        ...range,
        '--types',
        'sleep,daily',
        '--database',
        database,
        ...sandboxArgs(sandbox),
      ],
      { cwd: dir },
    );
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/resumed, 2 of 2 windows were already stored by an earlier run/);
    expect(second.stdout).toMatch(/records\s+0/);
  });

  it('says in one line what is wrong with an unknown type, bad dates and a malformed or refused database URL, never showing the password', async () => {
    const unknown = await store('query', 'brainwaves', '--user', 'u');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^error: unknown stored type "brainwaves" \(hint: use one of: activity, .+\)\n$/,
    );
    const dates = await store('query', 'sleep', '--user', 'u', '--from', '2024-02-30');
    expect(dates.stderr).toMatch(/^error: --from "2024-02-30" is not a calendar date/);

    const password = 'pw-S3CRET-never-shown';
    const malformed = await runCli([
      'store',
      'status',
      '--database',
      `postgres://me:${password}@db.example:54x32/terra`,
    ]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(
      /^error: --database: the database URL is not a valid URL\..*\(hint: .+\)\n$/,
    );
    const refused = await runCli([
      'store',
      'status',
      '--database',
      `postgres://me:${password}@127.0.0.1:1/terra`,
    ]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(
      /^error: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/terra: .*ECONNREFUSED.*\(hint: .+\)\n$/,
    );
    const debug = await runCli([
      'store',
      'status',
      '--debug',
      '--database',
      `postgres://me:${password}@127.0.0.1:1/terra`,
    ]);
    for (const output of [malformed, refused, debug]) {
      expect(output.stdout + output.stderr).not.toContain(password);
      expect(output.stdout + output.stderr).not.toContain('S3CRET');
    }
  });

  it('serve refuses to start without a signing secret', async () => {
    const result = await store('serve', '--port', '0');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*secret.*\(hint: .*TERRA_WEBHOOK_SECRET.*\)\n$/i);
  });

  it.runIf(hasTmux() || process.env.CI !== undefined)(
    'status renders a readable table at 80 columns',
    async () => {
      const session = new TerminalSession(['store', 'status', '--database', database], {}, 80);
      try {
        expect(await session.exitCode()).toBe(0);
        const screen = session.screen();
        expect(screen).toMatch(/^pending\s+0 \(0 waiting to retry\)$/m);
        expect(screen).toMatch(/^lag\s+none$/m);
        expect(screen).toMatch(/^Users$/m);
        expect(screen).toMatch(/^user\s+provider\s+state\s+reference\s+last delivery\s*$/m);
        expect(screen).toMatch(/connected/);
        for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
      } finally {
        session.close();
      }
    },
  );
});

describe('terra store on a PostgreSQL server', { timeout: 300_000 }, () => {
  it('serve --workers 0 answers 503 over --max-inbox-depth, and terra store work (listed by terra store --help) processes as soon as a delivery lands, then stops on SIGTERM', async () => {
    expect((await runCli(['store', '--help'])).stdout).toMatch(/^ {2}work /m);
    const { startPostgresCluster } = await import('../../../terra-store/test/support/postgres-cluster.js');
    const cluster = await startPostgresCluster();
    const secret = 'cli-scale-signing-secret';
    const env = { TERRA_WEBHOOK_SECRET: secret, TERRA_STORE_DATABASE: cluster.url };
    const serve = new LiveCli(['store', 'serve', '--port', '0', '--workers', '0', '--max-inbox-depth', '2'], {
      cwd: dir,
      env,
    });
    let work: LiveCli | undefined;
    try {
      const url = (
        await serve.waitFor('stderr', /receiving Terra webhooks at (http:\/\/\S+)/, 120_000)
      )[1] as string;
      const post = async (n: number) => {
        const body = JSON.stringify({
          type: 'auth',
          status: 'success',
          user: { user_id: `cli-user-${n}`, provider: 'OURA' },
          reference_id: null,
          widget_session_id: null,
          version: '2022-03-16',
        });
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'terra-signature': await generateTestSignatureHeader({ payload: body, secret }),
          },
          body,
        });
        return response;
      };
      expect((await post(1)).status).toBe(200);
      expect((await post(2)).status).toBe(200);
      // The depth is counted at most once a second: a delivery or two more may get in before the next count.
      let accepted = 2;
      let refused: Response | undefined;
      for (let n = 3; !refused && n < 12; n++) {
        await new Promise((resolve) => setTimeout(resolve, 400));
        const response = await post(n);
        if (response.status === 503) refused = response;
        else accepted++;
      }
      expect(accepted).toBeLessThanOrEqual(4);
      expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);

      // A minute between polls: only the inbox's NOTIFY can make the worker pick up a new delivery quickly.
      work = new LiveCli(['store', 'work', '--poll-ms', '60000'], { cwd: dir, env });
      await work.waitFor('stderr', /terra store work: processing the inbox/, 120_000);
      const status = async () =>
        json((await runCli(['store', 'status', '--json'], { env, cwd: dir })).stdout);
      const until = async (
        predicate: (report: { depth: number; inbox: { processed: number } }) => boolean,
      ) => {
        const deadline = Date.now() + 30_000;
        for (let report = await status(); !predicate(report); report = await status()) {
          if (Date.now() > deadline) throw new Error(`status never matched: ${JSON.stringify(report)}`);
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      };
      await until((r) => r.depth === 0 && r.inbox.processed === accepted);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect((await post(100)).status).toBe(200);
      await until((r) => r.depth === 0 && r.inbox.processed === accepted + 1);

      work.child.kill('SIGTERM');
      expect(await work.exited).toBe(0);
      expect(work.stderr).toMatch(/SIGTERM: stopping/);
      expect(work.stderr).toContain(
        `Stopped: ${accepted + 1} processed, 0 to retry, 0 dead letters by this run`,
      );
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
    } finally {
      if (work && work.child.exitCode === null) work.child.kill('SIGKILL');
      if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
      await cluster.stop();
    }
  });
  it('migrates, backfills, queries and reports status through --database postgres://', async () => {
    const { startPostgresCluster } = await import('../../../terra-store/test/support/postgres-cluster.js');
    const cluster = await startPostgresCluster();
    try {
      // The test cluster trusts local connections, so the password is only there to prove it is never printed.
      const password = 'pg-S3CRET-password';
      const url = cluster.url.replace('postgres@', `postgres:${password}@`);
      const env = { ...sandboxEnv(sandbox), TERRA_STORE_DATABASE: url };
      const migrate = await runCli(['store', 'migrate'], { env, cwd: dir });
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toMatch(/^engine\s+postgres$/m);
      expect(migrate.stdout).toMatch(/^applied now\s+1, 2, 3, 4$/m);
      const backfill = await runCli(
        [
          'store',
          'backfill',
          '--user',
          GARMIN_USER,
          '--from',
          '2024-02-01',
          '--to',
          '2024-02-08',
          '--types',
          'sleep',
        ],
        { env, cwd: dir },
      );
      expect(backfill.code).toBe(0);
      const query = await runCli(['store', 'query', 'sleep', '--user', GARMIN_USER, '--ndjson'], {
        env,
        cwd: dir,
      });
      expect(query.code).toBe(0);
      expect(query.stdout.trim().split('\n').length).toBeGreaterThan(3);
      const status = await runCli(['store', 'status', '--json'], { env, cwd: dir });
      expect(json(status.stdout)).toMatchObject({
        engine: 'postgres',
        schema_version: 4,
        depth: 0,
        failures: [],
      });
      expect(json(status.stdout).database).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      for (const output of [migrate, backfill, query, status])
        expect(output.stdout + output.stderr).not.toContain(password);
    } finally {
      await cluster.stop();
    }
  });
});
