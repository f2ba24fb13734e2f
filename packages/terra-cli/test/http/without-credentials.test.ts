import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withoutCredentialHeaders } from '../../src/http/without-credentials.js';
import { type HeaderRecorder, startHeaderRecorder } from '../support/header-recorder.js';

let recorder: HeaderRecorder;
beforeAll(async () => {
  recorder = await startHeaderRecorder();
});
afterAll(() => recorder.close());
beforeEach(() => {
  recorder.requests.length = 0;
});

const send = withoutCredentialHeaders(globalThis.fetch);
const credentials = { 'X-Api-Key': 'key-that-must-not-travel', 'Dev-Id': 'dev-id-that-must-not-travel' };

describe('withoutCredentialHeaders', () => {
  it('removes x-api-key and dev-id, whatever their case, and keeps every other header', async () => {
    const response = await send(`${recorder.baseUrl}/integrations`, {
      headers: { ...credentials, accept: 'application/json', 'x-trace': 'kept' },
    });
    expect(response.status).toBe(200);
    const [request] = recorder.requests;
    expect(request?.headers).not.toHaveProperty('x-api-key');
    expect(request?.headers).not.toHaveProperty('dev-id');
    expect(request?.headers).toMatchObject({ accept: 'application/json', 'x-trace': 'kept' });
  });

  it('removes them from a Headers object and from a Request given without init', async () => {
    await send(`${recorder.baseUrl}/integrations`, { headers: new Headers(credentials) });
    await send(new Request(`${recorder.baseUrl}/integrations/detailed`, { headers: credentials }));
    expect(recorder.requests).toHaveLength(2);
    for (const { headers } of recorder.requests) {
      expect(headers).not.toHaveProperty('x-api-key');
      expect(headers).not.toHaveProperty('dev-id');
    }
  });

  it('keeps the method and body of the request', async () => {
    await send(`${recorder.baseUrl}/integrations`, { method: 'POST', body: '{}', headers: credentials });
    expect(recorder.requests[0]?.method).toBe('POST');
    expect(recorder.requests[0]?.headers['content-length']).toBe('2');
  });
});
