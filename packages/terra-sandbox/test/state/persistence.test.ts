import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError, DEMO_USERS, startSandbox } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';
import { startReceiver } from '../support/receiver.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'terra-sandbox-')), 'state.json');

describe('--data persistence', () => {
  it('keeps users and deliveries across a restart', async () => {
    const file = tempFile();
    const first = await startSandbox({ port: 0, dataFile: file });
    const user = first.createUser({ provider: 'WHOOP', reference_id: 'keep-me' });
    const delivery = first.triggerEvent('connection_error', user.user_id);
    await first.close();

    const second = await startSandbox({ port: 0, dataFile: file });
    try {
      const users = second.users();
      expect(users.find((u) => u.user_id === user.user_id)).toMatchObject({ reference_id: 'keep-me' });
      // The demo users were saved too, and are not duplicated on restart.
      expect(users).toHaveLength(4);
      const kept = second.deliveries().find((d) => d.id === delivery.id);
      expect(kept?.payload).toBe(delivery.payload);
      expect(kept?.status).toBe('failed');
    } finally {
      await second.close();
    }
    // Written atomically: valid JSON and no temp files left next to it.
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(2);
    expect(readdirSync(join(file, '..'))).toEqual(['state.json']);
  });

  it('resumes deliveries still retrying at shutdown, to the webhook URL configured now', async () => {
    const file = tempFile();
    const dead = await startReceiver();
    await dead.close();
    const first = await startSandbox({
      port: 0,
      dataFile: file,
      webhookUrl: dead.url,
      webhookRetryBaseMs: 60_000,
    });
    const delivery = first.triggerEvent('connection_error', DEMO_USERS[0]?.user_id as string);
    await first.waitForDeliveries((all) => all.some((d) => d.id === delivery.id && d.status === 'retrying'));
    await first.close();

    const receiver = await startReceiver();
    const second = await startSandbox({ port: 0, dataFile: file, webhookUrl: receiver.url });
    try {
      const all = await second.waitForDeliveries((list) =>
        list.some((d) => d.id === delivery.id && d.status === 'delivered'),
      );
      expect(all.find((d) => d.id === delivery.id)?.attempts).toHaveLength(2);
      expect(receiver.received[0]?.body).toBe(delivery.payload);
    } finally {
      await second.close();
      await receiver.close();
    }
  });

  it('forgets deleted users after a restart', async () => {
    const file = tempFile();
    const first = await startSandbox({ port: 0, dataFile: file, users: [] });
    const user = first.createUser({ provider: 'OURA' });
    await first.close();
    const second = await startSandbox({ port: 0, dataFile: file });
    second.deleteUser(user.user_id);
    await second.close();
    const third = await startSandbox({ port: 0, dataFile: file });
    try {
      expect(third.users()).toEqual([]);
    } finally {
      await third.close();
    }
  });

  it('still loads a version 1 data file (users and deliveries only)', async () => {
    const file = tempFile();
    const first = await startSandbox({ port: 0, dataFile: file, users: [] });
    const user = first.createUser({ provider: 'POLAR' });
    await first.close();
    const { users, deliveries } = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ version: 1, users, deliveries }));
    const second = await startSandbox({ port: 0, dataFile: file });
    try {
      expect(second.users().map((u) => u.user_id)).toEqual([user.user_id]);
    } finally {
      await second.close();
    }
  });

  it('refuses a corrupt data file with an error naming it', async () => {
    const file = tempFile();
    writeFileSync(file, '{"version":1,"users":');
    await expect(startSandbox({ port: 0, dataFile: file })).rejects.toThrow(DataFileError);
    await expect(startSandbox({ port: 0, dataFile: file })).rejects.toThrow(file);
    writeFileSync(file, JSON.stringify({ version: 2, users: [], deliveries: [] }));
    await expect(startSandbox({ port: 0, dataFile: file })).rejects.toThrow(/labReports/);
  });
});
