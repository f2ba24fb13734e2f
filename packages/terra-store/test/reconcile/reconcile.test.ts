import { type Sandbox, startSandbox } from 'terra-sandbox';
import { type Database, openStore, type TerraStore } from 'terra-store';
import { Terra } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../support/engines.js';

describe.each(ENGINES)('reconcile on %s', (engine) => {
  let db: Database;
  let store: TerraStore;
  let sandbox: Sandbox;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    sandbox = await startSandbox({ port: 0, users: [], seed: 3 });
    const terra = new Terra({ apiKey: sandbox.apiKey, devId: sandbox.devId, baseUrl: sandbox.baseUrl });
    store = await openStore({ database: db, terra });
  });
  afterAll(async () => {
    await sandbox?.close();
    await store?.close();
    await db?.close();
  });

  it('converges users with Terra idempotently and marks users Terra no longer returns as revoked', async () => {
    const a = sandbox.createUser({ provider: 'GARMIN', reference_id: 'ref-a' });
    const b = sandbox.createUser({ provider: 'OURA', reference_id: 'ref-b' });
    await db.query(
      `INSERT INTO terra_users (user_id, provider, active, state) VALUES ('gone-user', 'FITBIT', true, 'connected')`,
    );
    const first = await store.reconcile();
    expect(first).toEqual({ seen: 2, updated: 2, revoked: 1 });
    expect(await store.user(a.user_id)).toMatchObject({
      provider: 'GARMIN',
      referenceId: 'ref-a',
      active: true,
      state: 'connected',
    });
    expect((await store.user(b.user_id))?.scopes.length).toBeGreaterThan(0);
    expect(await store.user('gone-user')).toMatchObject({ active: false, state: 'revoked' });
    expect((await store.user('gone-user'))?.revokedAt).toBeInstanceOf(Date);
    expect(await store.reconcile()).toEqual({ seen: 2, updated: 0, revoked: 0 });
    sandbox.deleteUser(b.user_id);
    expect(await store.reconcile()).toEqual({ seen: 1, updated: 0, revoked: 1 });
    expect(await store.user(b.user_id)).toMatchObject({ active: false, state: 'revoked' });
  });
});
