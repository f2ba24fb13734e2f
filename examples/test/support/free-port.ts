import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

/**
 * A loopback port free right now, for a program that must be told its port before it starts (the
 * sandbox has to know the webhook URL before the program asks for data).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
