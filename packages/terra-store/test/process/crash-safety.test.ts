import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from 'terra-store';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerDatabase, ENGINES } from '../support/engines.js';
import { dataPayload, sleepRecord } from '../support/payloads.js';

const SECRET = 'crash-test-signing-secret';
const CHILD = fileURLToPath(new URL('../support/crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
// Each stage on the ordinary path (inbox commit, answer, processing), and the stages a delivery applied on
// receipt passes (one commit holds the inbox row and the records; killed after it, before the answer).
const CASES = [
  ['received', 'ordinary'],
  ['claimed', 'ordinary'],
  ['applied', 'ordinary'],
  ['processed', 'ordinary'],
  ['received', 'on receipt'],
  ['processed', 'on receipt'],
] as const;

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  readonly exited: Promise<number | null>;
}

async function startChild(database: string, crashAt?: string, crashOn = 1, onReceipt = true): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: {
      ...process.env,
      STORE_DATABASE: database,
      STORE_SECRET: SECRET,
      CRASH_AT: crashAt ?? '',
      CRASH_ON: String(crashOn),
      APPLY_ON_RECEIPT: onReceipt ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1] as string);
    });
    void exited.then(() => reject(new Error(`the store process exited before it was ready: ${stderr}`)));
  });
  return { process: child, url, exited };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
  await child.exited;
}

/** Posts a signed delivery; resolves with the status, or 'dropped' when the process died before answering. */
async function post(url: string, body: string, traceId: string): Promise<number | 'dropped'> {
  try {
    const response = await fetch(`${url}/webhooks`, {
      method: 'POST',
      headers: {
        'terra-signature': await generateTestSignatureHeader({ payload: body, secret: SECRET }),
        'x-terra-trace-id': traceId,
        'x-terra-ordering-timestamp': '1700000000000',
      },
      body,
    });
    await response.text();
    return response.status;
  } catch {
    return 'dropped';
  }
}

async function settled(
  url: string,
  sleeps: number,
): Promise<{ counts: Record<string, number>; sleeps: number }> {
  for (let i = 0; i < 600; i++) {
    const status = (await (await fetch(`${url}/status`)).json()) as {
      counts: Record<string, number>;
      sleeps: number;
    };
    if (status.counts.pending === 0 && status.counts.retry === 0 && status.sleeps === sleeps) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the restarted store did not finish the inbox in 60 s');
}

const deliveries = Array.from({ length: 5 }, (_, i) => ({
  traceId: `crash-trace-${i}`,
  body: dataPayload('sleep', 'crash-user', [
    sleepRecord(`c-${i}-a`, `2026-07-0${i + 1}`, 1),
    sleepRecord(`c-${i}-b`, `2026-08-0${i + 1}`, 1),
  ]),
}));

describe.each(ENGINES)('crash safety on %s (a real process killed with SIGKILL)', (engine) => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES)(
    'killed at "%s" of the third delivery (%s), a restart loses nothing and doubles nothing',
    async (stage, path) => {
      let database: string;
      if (engine === 'pglite') {
        database = mkdtempSync(join(tmpdir(), 'terra-store-crash-'));
        dirs.push(database);
      } else {
        database = await createServerDatabase();
      }
      const first = await startChild(database, stage, 3, path === 'on receipt');
      const answers: Array<number | 'dropped'> = [];
      for (const d of deliveries) {
        answers.push(await post(first.url, d.body, d.traceId));
        if (answers.at(-1) === 'dropped') break;
        // Let inline processing reach the crash point before the next delivery.
        await new Promise((r) => setTimeout(r, 300));
      }
      await first.exited;
      expect(first.process.signalCode).toBe('SIGKILL');

      const second = await startChild(database);
      try {
        // Terra retries every delivery it did not get a 2xx for; a duplicate of a committed one is answered 200.
        for (const [i, d] of deliveries.entries()) {
          if (answers[i] !== 200) expect(await post(second.url, d.body, d.traceId)).toBe(200);
        }
        // And once more for all of them, as a late retry would.
        for (const d of deliveries) expect(await post(second.url, d.body, d.traceId)).toBe(200);
        const status = await settled(second.url, 10);
        expect(status.counts).toEqual({ pending: 0, retry: 0, processed: 5, dead: 0 });
      } finally {
        await stopChild(second);
      }
      // Read the result with a fresh store, as a newcomer would.
      const store = await openStore({ database, processing: 'workers' });
      try {
        const records = await store.records('sleep', 'crash-user');
        expect(records.map((r) => r.metadata.summary_id).sort()).toEqual(
          deliveries.flatMap((_, i) => [`c-${i}-a`, `c-${i}-b`]).sort(),
        );
        const inbox = await store.deliveries();
        expect(inbox.map((d) => d.traceId).sort()).toEqual(deliveries.map((d) => d.traceId).sort());
        const rows = await store.db.query<{ revision: number }>('SELECT revision FROM terra_sleep');
        expect(rows.every((r) => Number(r.revision) === 1)).toBe(true);
      } finally {
        await store.close();
      }
    },
    240_000,
  );
});
