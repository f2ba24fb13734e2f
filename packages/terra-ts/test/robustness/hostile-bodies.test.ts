import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, createBrotliCompress, gzipSync } from 'node:zlib';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  LabReports,
  Terra,
  TerraInvalidArgumentError,
  type TerraOptions,
  TerraResponseTooLargeError,
} from 'terra-ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_API_KEY, TEST_DEV_ID } from '../support/test-server.js';

const MiB = 1024 * 1024;

/** Brotli of `mib` MiB of zeros: a few tens of KB on the wire. */
function brotliBomb(mib: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const compress = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    const out: Buffer[] = [];
    compress.on('data', (chunk: Buffer) => out.push(chunk));
    compress.on('end', () => resolve(Buffer.concat(out)));
    compress.on('error', reject);
    const zero = Buffer.alloc(MiB);
    let written = 0;
    const pump = () => {
      while (written < mib) {
        written++;
        if (!compress.write(zero)) return void compress.once('drain', pump);
      }
      compress.end();
    };
    pump();
  });
}

/** A gzip stream of `mib` members of 1 MiB of zeros each (a valid multi-member gzip), about 1 KB per MiB. */
function gzipBomb(mib: number): Buffer {
  const member = gzipSync(Buffer.alloc(MiB), { level: 9 });
  return Buffer.concat(Array.from({ length: mib }, () => member));
}

type Mode = 'brotli-bomb' | 'gzip-bomb' | 'endless' | 'small';

let server: Server;
let baseUrl: string;
let mode: Mode = 'small';
let brotli: Buffer;
let gzip: Buffer;
/** Per answered request: bytes the server wrote, and whether the client closed the connection. */
const answers: { written: number; closedByClient: boolean }[] = [];

function answer(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const record = { written: 0, closedByClient: false };
  answers.push(record);
  res.on('close', () => {
    record.closedByClient = !res.writableFinished;
  });
  if (mode === 'brotli-bomb' || mode === 'gzip-bomb') {
    const body = mode === 'brotli-bomb' ? brotli : gzip;
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': mode === 'brotli-bomb' ? 'br' : 'gzip',
      'content-length': body.length,
    });
    record.written = body.length;
    res.end(body);
    return;
  }
  if (mode === 'endless') {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    res.write('[');
    const pump = () => {
      while (!res.destroyed) {
        record.written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    pump();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'success', providers: ['GARMIN'], sdk_providers: [] }));
}

beforeAll(async () => {
  [brotli, gzip] = [await brotliBomb(600), gzipBomb(600)];
  server = createServer(answer);
  // undici's fetch decodes the bomb slower than the server's default 5 s keep-alive timeout, and reports the
  // socket closing under a still-unread response as a connection error: keep the socket open meanwhile.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

// Anything thrown outside the call's promise (from a stream handler) would land here, or kill the worker.
const escaped: unknown[] = [];
const onEscape = (error: unknown) => void escaped.push(error);
beforeEach(() => {
  answers.length = 0;
  escaped.length = 0;
  mode = 'small';
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
});
afterEach(async () => {
  // Late stream events (the decompressor's, the socket's) get a moment to surface.
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
  expect(escaped).toEqual([]);
});

const transports: [string, Pick<TerraOptions, 'fetch'>][] = [
  ['the node:http transport', {}],
  ['the fetch transport', { fetch: (input, init) => fetch(input, init) }],
];

function client(options: TerraOptions = {}): Terra {
  return new Terra({ apiKey: TEST_API_KEY, devId: TEST_DEV_ID, baseUrl, maxRetries: 0, ...options });
}

describe.each(transports)('a hostile server against %s', (_name, transport) => {
  it('a 600 MiB brotli answer of a few KB rejects with TerraResponseTooLargeError at the default limit', async () => {
    mode = 'brotli-bomb';
    expect(brotli.length).toBeLessThan(200 * 1024);
    const error = await client(transport)
      .listProviders()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraResponseTooLargeError);
    const tooLarge = error as TerraResponseTooLargeError;
    expect(tooLarge.maxResponseBytes).toBe(DEFAULT_MAX_RESPONSE_BYTES);
    expect(tooLarge.message).toContain('GET /integrations');
    expect(tooLarge.message).toContain('maxResponseBytes');
    expect(tooLarge.message).toContain(String(DEFAULT_MAX_RESPONSE_BYTES));
  });

  it('a gzip bomb rejects with TerraResponseTooLargeError, and is not retried', async () => {
    mode = 'gzip-bomb';
    const error = await client({ ...transport, maxRetries: 2, maxResponseBytes: 16 * MiB })
      .listProviders()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraResponseTooLargeError);
    expect(answers).toHaveLength(1);
  });

  it('an endless plain body stops at a per-call limit and the connection is closed by the client', async () => {
    mode = 'endless';
    const error = await client(transport)
      .listProviders({ maxResponseBytes: MiB })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraResponseTooLargeError);
    expect((error as TerraResponseTooLargeError).maxResponseBytes).toBe(MiB);
    await expect.poll(() => answers[0]?.closedByClient).toBe(true);
    // The server stopped being read soon after the limit (kernel and stream buffers hold a few MiB at most).
    expect(answers[0]?.written).toBeLessThan(64 * MiB);
  });

  it('a client-level limit applies to every call, and the client keeps working afterwards', async () => {
    mode = 'endless';
    const terra = client({ ...transport, maxResponseBytes: 256 * 1024 });
    await expect(terra.listProviders()).rejects.toBeInstanceOf(TerraResponseTooLargeError);
    mode = 'small';
    const ok = await terra.listProviders();
    expect(ok.status).toBe(200);
  });

  it('a body exactly at the limit is read whole', async () => {
    const text = JSON.stringify({ status: 'success', providers: ['GARMIN'], sdk_providers: [] });
    const ok = await client(transport).listProviders({ maxResponseBytes: Buffer.byteLength(text) });
    expect(ok.getParsedResponse().providers).toEqual(['GARMIN']);
  });
});

describe('uploads (always fetch)', () => {
  it('a compression bomb answering a lab report upload rejects with TerraResponseTooLargeError', async () => {
    mode = 'gzip-bomb';
    const error = await new LabReports(client({ maxResponseBytes: 4 * MiB }))
      .upload({ file: new Uint8Array([37, 80, 68, 70]), contentType: 'application/pdf' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraResponseTooLargeError);
    expect((error as TerraResponseTooLargeError).maxResponseBytes).toBe(4 * MiB);
  });
});

describe('the maxResponseBytes option', () => {
  it.each([0, -1, 1.5, '1000', Number.NaN])('refuses %s at construction and per call', async (value) => {
    expect(() => client({ maxResponseBytes: value as number })).toThrow(TerraInvalidArgumentError);
    await expect(client().listProviders({ maxResponseBytes: value as number })).rejects.toThrow(
      /maxResponseBytes/,
    );
    expect(answers).toHaveLength(0);
  });
});
