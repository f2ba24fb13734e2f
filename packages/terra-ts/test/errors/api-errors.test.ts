import {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  TerraApiError,
  TerraError,
} from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { terraFor } from '../support/terra-for.js';
import type { Reply } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

let reply: Reply = {};
const server = useTestServer(() => reply);

function problem(status: number, title: string, detail?: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/problem+json', 'terra-reference': 'trace-1' },
    body: JSON.stringify({ type: 'about:blank', title, instance: '/v2/userInfo?user_id=u1', detail }),
  };
}

async function failWith(r: Reply) {
  reply = r;
  return terraFor(server, { maxRetries: 0 })
    .getUserInfo({ userId: 'u1' })
    .then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: unknown) => e as TerraApiError,
    );
}

describe('problem+json error bodies', () => {
  it.each([
    [400, 'bad request', BadRequestError],
    [401, 'unauthorized', AuthenticationError],
    [403, 'forbidden', PermissionDeniedError],
    [404, 'not found', NotFoundError],
    [413, 'payload too large', PayloadTooLargeError],
    [429, 'too many requests', RateLimitError],
    [500, 'internal server error', InternalServerError],
    [503, 'service unavailable', InternalServerError],
  ])('maps %i to its class', async (status, title, cls) => {
    const error = await failWith(problem(status, title, 'what happened'));
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(TerraApiError);
    expect(error).toBeInstanceOf(TerraError);
    expect(error.status).toBe(status);
    expect(error.name).toBe(cls.name);
  });

  it('keeps the problem fields, the body, the headers and the terra-reference', async () => {
    const error = await failWith(problem(404, 'not found', 'user not found'));
    expect(error.problem).toEqual({
      type: 'about:blank',
      title: 'not found',
      instance: '/v2/userInfo?user_id=u1',
      detail: 'user not found',
    });
    expect(error.body).toMatchObject({ detail: 'user not found' });
    expect(error.headers.get('content-type')).toBe('application/problem+json');
    expect(error.reference).toBe('trace-1');
    expect(error.message).toBe('Terra answered 404 to GET /userInfo: user not found');
  });

  it('falls back to the title when there is no detail', async () => {
    const error = await failWith(problem(400, 'bad request'));
    expect(error.message).toContain(': bad request');
  });

  it('maps other statuses (e.g. 424 provider failure) to a plain TerraApiError', async () => {
    const error = await failWith(problem(424, 'failed dependency', 'provider rejected the push'));
    expect(error.constructor).toBe(TerraApiError);
    expect(error.message).toContain('provider rejected the push');
  });
});

describe('legacy and unusual error bodies', () => {
  it('reads the legacy { status, message } body', async () => {
    const error = await failWith({ status: 404, body: { status: 'error', message: 'User not found' } });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.problem).toEqual({ status: 'error', message: 'User not found' });
    expect(error.message).toContain('User not found');
  });

  it('reads the { message } only 401 body', async () => {
    const error = await failWith({ status: 401, body: { message: 'Invalid API key' } });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain('Invalid API key');
    expect(error.message).toContain('TERRA_API_KEY');
  });

  it('keeps a non-JSON error body as text', async () => {
    const error = await failWith({ status: 502, body: '<html>Bad Gateway</html>' });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe('<html>Bad Gateway</html>');
    expect(error.problem).toBeUndefined();
  });

  it('reads the rate-limit rule and Retry-After', async () => {
    const error = (await failWith({
      status: 429,
      headers: { 'x-terra-ratelimit-rule': 'r2', 'retry-after': '3600' },
      body: { detail: 'rate limit exceeded' },
    })) as RateLimitError;
    expect(error.rule).toBe('r2');
    expect(error.retryAfterSeconds).toBe(3600);
    expect(error.message).toMatch(/6,000/);
  });

  it('treats a legacy 200 { status: "error" } from /userInfo as not found', async () => {
    const error = await failWith({ status: 200, body: { status: 'error', message: 'no such user' } });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('no such user');
  });
});
