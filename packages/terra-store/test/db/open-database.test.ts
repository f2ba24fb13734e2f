import { createServer } from 'node:net';
import { DatabaseUnavailableError, DatabaseUrlError, openDatabase, openStore } from 'terra-store';
import { describe, expect, it } from 'vitest';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('opening a database', () => {
  it.each([
    ['postgres://', /no host/],
    ['postgres://user:pa ss@host:notaport/db', /not a valid URL|port/],
    ['postgresql://user:secret@:5432/db', /not a valid URL|no host/],
  ])(
    'refuses the malformed URL %s with a DatabaseUrlError that never echoes the password',
    async (url, message) => {
      const error = await openDatabase(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUrlError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('secret');
    },
  );

  it('says where and why when the server refuses the connection, without the password', async () => {
    const port = await closedPort();
    const error = await openStore({ database: `postgres://me:hunter2@127.0.0.1:${port}/app` }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as DatabaseUnavailableError).target).toBe(`127.0.0.1:${port}/app`);
    expect((error as Error).message).toMatch(
      /Could not connect to PostgreSQL at 127\.0\.0\.1:\d+\/app: .*ECONNREFUSED|refused/,
    );
    expect((error as Error).message).not.toContain('hunter2');
  });
});
