import { inspect } from 'node:util';
import { TerraInvalidArgumentError, User } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { terraFor, wireUser } from '../support/terra-for.js';
import { TEST_API_KEY } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

const server = useTestServer(() => ({ body: { status: 'success', type: 'sleep', reference: 'r' } }));

describe('User', () => {
  it('exposes the wire fields by reference and serialises as the wire object', () => {
    const json = wireUser('u1', 'OURA');
    const user = new User(json);
    expect(user.json).toBe(json);
    expect([user.user_id, user.provider, user.reference_id, user.scopes, user.active]).toEqual([
      'u1',
      'OURA',
      'ref-1',
      'sleep,activity',
      true,
    ]);
    expect(JSON.parse(JSON.stringify(user))).toEqual(json);
  });

  it('rejects data calls with a clear error when no client is bound', async () => {
    const user = new User(wireUser('lonely'));
    const error = await user.getSleep({ startDate: '2024-01-01' }).catch((e) => e);
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect(error.message).toMatch(/no Terra client bound.*withClient/);
    await expect(
      user.iterateSleep({ startDate: '2024-01-01', endDate: '2024-02-01' }).next(),
    ).rejects.toThrow(/no Terra client bound/);
  });

  it('sends every data method through the bound client', async () => {
    const user = new User(wireUser('u9')).withClient(terraFor(server));
    const options = { startDate: '2024-01-01' };
    await user.getActivity(options);
    await user.getBody(options);
    await user.getDaily(options);
    await user.getSleep(options);
    await user.getNutrition(options);
    await user.getMenstruation(options);
    await user.getAthlete();
    expect(server.requests.map((r) => [r.path, r.query.get('user_id')])).toEqual(
      ['activity', 'body', 'daily', 'sleep', 'nutrition', 'menstruation', 'athlete'].map((t) => [
        `/v2/${t}`,
        'u9',
      ]),
    );
  });

  it('never shows the client or its key when logged', () => {
    const user = new User(wireUser('u1')).withClient(terraFor(server));
    expect(inspect(user, { depth: 10, showHidden: true })).not.toContain(TEST_API_KEY);
    expect(JSON.stringify(user)).not.toContain(TEST_API_KEY);
  });
});
