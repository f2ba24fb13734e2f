import type { IncomingMessage } from 'node:http';
import { HttpProblem } from './problem.js';

/** Credentials the sandbox accepts. */
export interface Credentials {
  apiKey: string;
  devId: string;
}

/**
 * Checks `x-api-key` and `dev-id` (both required, as Terra requires). The error never echoes what
 * was sent, so a key pasted into the wrong header never ends up in a log.
 */
export function checkCredentials(req: IncomingMessage, expected: Credentials): void {
  const apiKey = req.headers['x-api-key'];
  const devId = req.headers['dev-id'];
  if (typeof apiKey !== 'string' || apiKey === '' || typeof devId !== 'string' || devId === '') {
    throw new HttpProblem(401, 'dev-id or x-api-key headers are missing');
  }
  if (apiKey !== expected.apiKey || devId !== expected.devId) {
    throw new HttpProblem(
      401,
      'invalid dev-id or x-api-key; use the credentials printed when the sandbox started',
    );
  }
}
