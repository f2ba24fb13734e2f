import { inspect } from 'node:util';
import {
  Terra,
  TerraApiError,
  TerraError,
  TerraInvalidArgumentError,
  type TerraOptions,
  TerraResponseParseError,
} from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { errorRenderings } from '../support/error-renderings.js';
import type { Reply } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

let reply: Reply = {};
const server = useTestServer(() => reply);

// Credentials of every length, so a rule like "only redact long keys" would fail here.
const LONG_KEY = 'tk_echo_LONGKEY_3c4d5e6f7a8b9c0d';
const SHORT_KEY = 'k9';
const DEV_ID = 'devid_echo_Q7w8e9r0';
const SECRET = 'whsec_echo_SIGNING_1a2b3c4d';
const ROTATED = 'whsec_echo_ROTATED_9z8y7x';

/** Every character as a JSON `\u` escape: JSON.parse turns it back into the credential. */
function escaped(text: string): string {
  return [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/** Every way the error and its cause chain can be shown, its headers and body included. */
function everything(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    out.push(...errorRenderings(current));
    const e = current as Error & { headers?: Headers; body?: unknown; bodyExcerpt?: string };
    if (e.headers instanceof Headers) out.push(JSON.stringify([...e.headers]), inspect(e.headers));
    if (e.body !== undefined) out.push(JSON.stringify(e.body), inspect(e.body, { depth: 20 }));
    if (e.bodyExcerpt !== undefined) out.push(e.bodyExcerpt);
    current = e.cause;
  }
  out.push(inspect(error, { depth: 20, showHidden: true }));
  return out;
}

function expectClean(error: unknown, credentials: string[]): void {
  expect(error).toBeInstanceOf(TerraError);
  for (const text of everything(error)) {
    for (const credential of credentials) expect(text).not.toContain(credential);
  }
}

function client(options: TerraOptions): Terra {
  return new Terra({ baseUrl: server.baseUrl, maxRetries: 0, ...options });
}

describe.each([
  ['a long API key', { apiKey: LONG_KEY, devId: 'd' }, LONG_KEY],
  ['a two-character API key', { apiKey: SHORT_KEY, devId: 'd' }, SHORT_KEY],
  ['the dev id', { apiKey: 'a-key', devId: DEV_ID }, DEV_ID],
  ['a signing secret', { apiKey: 'a-key', devId: 'd', secret: SECRET }, SECRET],
  ['a second (rotated) signing secret', { apiKey: 'a-key', devId: 'd', secret: [SECRET, ROTATED] }, ROTATED],
] as const)('%s echoed by a server never shows in an error', (_label, options, credential) => {
  const terra = () => client(options as TerraOptions);

  it('in a Location header (and so in the redirect hint of the message)', async () => {
    reply = { status: 302, headers: { location: `https://elsewhere.example/v2?key=${credential}` } };
    const error = await terra()
      .listProviders()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraApiError);
    expect((error as TerraApiError).headers.get('location')).toBe(
      'https://elsewhere.example/v2?key=[redacted]',
    );
    expect((error as TerraApiError).message).toContain('elsewhere.example');
    expectClean(error, [credential]);
  });

  it('in any response header', async () => {
    reply = { status: 401, headers: { 'x-echo': `you sent ${credential}` }, body: { detail: 'no' } };
    const error = await terra()
      .listProviders()
      .catch((e: unknown) => e);
    expect((error as TerraApiError).headers.get('x-echo')).toBe('you sent [redacted]');
    expectClean(error, [credential]);
  });

  it('in a JSON error body where the credential is \\u-escaped', async () => {
    reply = {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: `{"detail":"bad credential ${escaped(credential)}","nested":{"${escaped(credential)}":["${escaped(credential)}"]}}`,
    };
    const error = await terra()
      .listProviders()
      .catch((e: unknown) => e);
    expect((error as TerraApiError).problem?.detail).toBe('bad credential [redacted]');
    expect((error as TerraApiError).message).toContain('bad credential [redacted]');
    expectClean(error, [credential]);
  });

  it('in a __proto__ key of a JSON error body, without touching any prototype', async () => {
    reply = {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: `{"__proto__":"${credential}","detail":"x","list":[{"__proto__":{"k":"${escaped(credential)}"}}]}`,
    };
    const error = await terra()
      .listProviders()
      .catch((e: unknown) => e);
    const body = (error as TerraApiError).body as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toBe('[redacted]');
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).k).toBeUndefined();
    expectClean(error, [credential]);
  });

  it('in a plain text error body', async () => {
    reply = { status: 503, body: `upstream refused ${credential} / ${encodeURIComponent(credential)}` };
    const error = await terra()
      .listProviders()
      .catch((e: unknown) => e);
    expectClean(error, [credential]);
  });

  it('in a 2xx body that is not JSON (the excerpt and the JSON.parse cause that quotes it)', async () => {
    reply = { status: 200, body: `${credential} is not json` };
    const error = await terra()
      .listProviders()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraResponseParseError);
    expect((error as TerraResponseParseError).bodyExcerpt).toContain('[redacted]');
    expect((error as Error).cause).toBeInstanceOf(Error);
    expectClean(error, [credential]);
  });

  it('in a 2xx body of broken JSON with the credential \\u-escaped', async () => {
    reply = { status: 200, body: `{"status":"success","echo":"${escaped(credential)}"` };
    const error = await terra()
      .listProviders()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraResponseParseError);
    expectClean(error, [credential]);
  });
});

describe('an invalid baseUrl', () => {
  it.each([
    ['the signing secret', { secret: SECRET, baseUrl: SECRET }, SECRET],
    [
      'a rotated signing secret in a URL-ish value',
      { secret: [ROTATED], baseUrl: `ftp://${ROTATED}` },
      ROTATED,
    ],
    ['the API key', { baseUrl: LONG_KEY }, LONG_KEY],
    ['the dev id', { devId: DEV_ID, baseUrl: `${DEV_ID}.example` }, DEV_ID],
  ] as const)('never shows %s', (_label, options, credential) => {
    let error: unknown;
    try {
      new Terra({ apiKey: LONG_KEY, devId: 'd', ...(options as TerraOptions) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect((error as TerraInvalidArgumentError).argument).toBe('baseUrl');
    expectClean(error, [credential]);
  });

  it('names the value when it holds no credential', () => {
    expect(() => new Terra({ apiKey: LONG_KEY, devId: 'd', baseUrl: 'api.tryterra.co' })).toThrow(
      /api\.tryterra\.co/,
    );
  });
});
